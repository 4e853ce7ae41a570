package city.mycity.gateway.operations;

import java.time.Instant;

/**
 * One sensor on the operations centre's map.
 *
 * @param battery its latest battery reading in percent, or {@code null}
 * @param lastSeen when the platform last stored a new reading of it, or {@code null} if never
 * @param alerts how many unresolved alerts it has
 */
public record SensorMark(
        String id,
        String kind,
        String zone,
        double longitude,
        double latitude,
        SensorState state,
        Double battery,
        Instant lastSeen,
        int alerts) {}
