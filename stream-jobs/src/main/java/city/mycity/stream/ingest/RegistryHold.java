package city.mycity.stream.ingest;

import java.io.Serializable;
import java.time.Duration;

/**
 * How long readings of devices the registry does not know (or knows behind another gateway) are held before they are
 * refused, how often they are checked again, and how many messages one topic may have held at once.
 *
 * @param grace how long a held reading waits for its device to be registered (or moved) before it is refused
 * @param recheck how often held readings are validated again (each check reloads the registry, at most every 5 s)
 * @param maxHeldPerTopic the most messages held for one topic; beyond it a message is refused at once
 */
public record RegistryHold(Duration grace, Duration recheck, int maxHeldPerTopic) implements Serializable {

    /** 10 minutes' grace, checked every 10 s, at most 1,000 messages per topic. */
    public static final RegistryHold DEFAULT = new RegistryHold(Duration.ofMinutes(10), Duration.ofSeconds(10), 1_000);

    public RegistryHold {
        if (grace == null || grace.isNegative()) {
            throw new IllegalArgumentException("Unknown-device grace must not be negative, but was " + grace + ".");
        }
        if (recheck == null || recheck.isNegative() || recheck.isZero()) {
            throw new IllegalArgumentException("Unknown-device recheck must be positive, but was " + recheck + ".");
        }
        if (maxHeldPerTopic < 0) {
            throw new IllegalArgumentException(
                    "Held messages per topic must not be negative, but was " + maxHeldPerTopic + ".");
        }
    }

    /** Refuses unknown devices at once, as if nothing were held. */
    public static RegistryHold none() {
        return new RegistryHold(Duration.ZERO, Duration.ofSeconds(1), 0);
    }
}
