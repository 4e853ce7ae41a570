package city.mycity.stream.registry;

import java.io.Serializable;
import java.time.Duration;

/**
 * How often a task reloads the devices: every {@code interval}, and when it meets a device it does not know, at most
 * once per {@code missInterval} (so that a flood of messages from unknown devices cannot flood the database).
 */
public record RegistryRefresh(Duration interval, Duration missInterval) implements Serializable {

    /** Every 30 s, and on an unknown device at most every 5 s. */
    public static final RegistryRefresh DEFAULT = every(Duration.ofSeconds(30));

    public RegistryRefresh {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("Registry refresh interval must be positive, but was " + interval + ".");
        }
        if (missInterval == null || missInterval.isNegative()) {
            throw new IllegalArgumentException(
                    "Registry reload interval on a miss must not be negative, but was " + missInterval + ".");
        }
    }

    /** Every {@code interval}, and on an unknown device at most every 5 s (or every interval, if shorter). */
    public static RegistryRefresh every(Duration interval) {
        Duration miss = Duration.ofSeconds(5);
        return new RegistryRefresh(interval, interval != null && interval.compareTo(miss) < 0 ? interval : miss);
    }
}
