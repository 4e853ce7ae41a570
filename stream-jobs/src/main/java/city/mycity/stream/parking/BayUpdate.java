package city.mycity.stream.parking;

import java.time.Instant;

/**
 * A parking bay's reading with where the bay is.
 *
 * @param site the car park of an off-street bay, or {@code null} for a street bay
 * @param sequence the bay sensor's sequence number, which orders two readings of the same time (-1 when it sends none)
 */
public record BayUpdate(
        String tenant, String device, String zone, String site, boolean occupied, Instant time, long sequence) {}
