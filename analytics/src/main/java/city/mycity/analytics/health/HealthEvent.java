package city.mycity.analytics.health;

import java.time.Instant;

/**
 * A device's health problem found or gone.
 *
 * @param problem {@value HealthWatch#OFFLINE}, {@value HealthWatch#BATTERY_LOW}, {@value HealthWatch#STUCK}, {@value
 *     HealthWatch#BACKLOG} or {@value HealthWatch#OUT_OF_RANGE}
 * @param raised true when it starts, false when it is over
 * @param at device time that decided it (for offline: the deadline the device missed)
 */
public record HealthEvent(String problem, boolean raised, Instant at, String detail) {}
