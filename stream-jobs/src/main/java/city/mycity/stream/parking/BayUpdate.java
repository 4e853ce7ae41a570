package city.mycity.stream.parking;

import java.time.Instant;

/**
 * A parking bay's reading with where the bay is.
 *
 * @param site the car park of an off-street bay, or {@code null} for a street bay
 */
public record BayUpdate(String tenant, String device, String zone, String site, boolean occupied, Instant time) {}
