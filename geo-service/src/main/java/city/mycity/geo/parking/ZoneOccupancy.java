package city.mycity.geo.parking;

import java.time.Instant;

/**
 * The occupied bays of one zone (street and car-park bays together).
 *
 * @param occupied the occupied bays, or {@code null} when the zone has no data yet
 * @param bays the bays counted, or {@code null} when the zone has no data yet
 * @param updated the time of the newest bay reading, or {@code null}
 */
public record ZoneOccupancy(String id, String name, Integer occupied, Integer bays, Instant updated) {}
