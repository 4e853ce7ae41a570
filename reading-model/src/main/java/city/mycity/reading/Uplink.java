package city.mycity.reading;

import java.time.Instant;

/** A message as it arrived from the broker: its topic, its bytes and when the platform received it. */
public record Uplink(String topic, byte[] payload, Instant receivedAt) {}
