package city.mycity.gateway.refusals;

import java.time.Instant;
import java.util.List;

/**
 * A refused message as it arrived (topic and bytes, up to the platform's size limit), with the reasons its readings
 * were refused and how often it was re-injected.
 */
public record RefusedMessage(
        byte[] digest, String topic, byte[] payload, Instant receivedAt, List<String> reasons, int replays) {}
