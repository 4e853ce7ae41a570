package city.mycity.stream.mqtt;

import city.mycity.reading.Uplink;

/**
 * A message as a client received it: the uplink, and what it takes to acknowledge it later.
 *
 * @param ackId the connection's generation in the high 32 bits (see {@link AckIds}), the connection's index in the
 *     next 16 bits and the MQTT packet id in the low 16 bits
 */
record Arrival(Uplink uplink, long ackId, int qos) {

    static long ackId(int generation, int connection, int packetId) {
        return (long) generation << 32 | (long) (connection & 0xFFFF) << 16 | (packetId & 0xFFFF);
    }

    static int generationOf(long ackId) {
        return (int) (ackId >>> 32);
    }

    static int connectionOf(long ackId) {
        return (int) (ackId >>> 16) & 0xFFFF;
    }

    static int packetIdOf(long ackId) {
        return (int) ackId & 0xFFFF;
    }
}
