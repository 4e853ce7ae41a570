package city.mycity.geo.bins;

import city.mycity.citymodel.GeoPoint;
import java.time.Instant;

/**
 * A bin that needs emptying by a time: full already, or due to be full by then at its fill rate.
 *
 * @param ratePerHour percent an hour, or {@code null} while unknown
 * @param fullAt when it will be (or was) full
 * @param lastCollected when it was last seen emptied, or {@code null}
 */
public record DueBin(
        String id,
        String zone,
        GeoPoint location,
        double fill,
        Double ratePerHour,
        Instant fullAt,
        Instant lastCollected,
        Instant updated) {}
