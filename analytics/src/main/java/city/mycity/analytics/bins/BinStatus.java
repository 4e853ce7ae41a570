package city.mycity.analytics.bins;

import java.time.Instant;

/**
 * What a bin's readings say now.
 *
 * @param fill the latest fill, percent
 * @param ratePerHour how fast it fills, percent an hour, or NaN while unknown
 * @param fullAt when it will reach {@link BinWatch#FULL} percent at that rate, or {@code null} when unknown
 * @param lastCollected when it was last seen emptied, or {@code null}
 * @param at the latest reading's device time
 */
public record BinStatus(double fill, double ratePerHour, Instant fullAt, Instant lastCollected, Instant at) {}
