package city.mycity.stream.parking;

import java.time.Instant;

/**
 * How many of a car park's or zone's bays are occupied, as of the newest bay reading.
 *
 * @param scopeId the car park id or zone id
 * @param bays the number of registered bays
 * @param time the device time of the newest bay reading counted
 */
public record Occupancy(String tenant, Scope scope, String scopeId, int occupied, int bays, Instant time) {}
