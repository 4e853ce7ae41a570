package city.mycity.stream.traffic;

import java.time.Instant;

/**
 * A counter's 5-minute window as the traffic job writes it.
 *
 * @param speedKmh NaN when no vehicle passed
 * @param level {@code unknown}, {@code free}, {@code slow} or {@code congested}
 */
public record TrafficFlowRow(
        String tenant, String counter, Instant windowStart, double vehiclesPerHour, double speedKmh, String level) {}
