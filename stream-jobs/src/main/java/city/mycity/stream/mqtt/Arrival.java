package city.mycity.stream.mqtt;

import city.mycity.reading.Uplink;

/**
 * A message as a client received it: the uplink, and what it takes to acknowledge it later.
 *
 * @param ackId the connection's index in the high 16 bits and the MQTT packet id in the low 16 bits
 */
record Arrival(Uplink uplink, int ackId, int qos) {

    static int ackId(int connection, int packetId) {
        return connection << 16 | packetId;
    }

    static int connectionOf(int ackId) {
        return ackId >>> 16;
    }

    static int packetIdOf(int ackId) {
        return ackId & 0xFFFF;
    }
}
