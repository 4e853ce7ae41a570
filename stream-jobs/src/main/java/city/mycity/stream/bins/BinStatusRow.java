package city.mycity.stream.bins;

import java.time.Instant;

/**
 * A bin's status as the bins job writes it.
 *
 * @param ratePerHour percent an hour, or NaN while unknown
 * @param fullAt when it will be full, or {@code null} while unknown
 * @param lastCollected when it was last seen emptied, or {@code null}
 */
public record BinStatusRow(
        String tenant,
        String bin,
        double fill,
        double ratePerHour,
        Instant fullAt,
        Instant lastCollected,
        Instant time) {}
