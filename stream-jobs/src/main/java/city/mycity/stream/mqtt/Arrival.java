package city.mycity.stream.mqtt;

import city.mycity.reading.Uplink;

/** A message as the client received it: the uplink, and what it takes to acknowledge it later. */
record Arrival(Uplink uplink, int packetId, int qos) {}
