package city.mycity.geo.alerts;

import city.mycity.citymodel.GeoPoint;
import java.time.Instant;

/**
 * An alert as the public sees it: what, where, since when and whether somebody is on it; never who.
 *
 * @param subject the device that raised it
 * @param status {@code open}, {@code acknowledged} or {@code resolved}
 * @param resolvedAt when it was resolved, or {@code null}
 * @param location where, or {@code null} when the device has no place
 * @param updated when the row last changed
 */
public record PublicAlert(
        String id,
        String subject,
        String problem,
        String severity,
        String status,
        Instant openedAt,
        Instant resolvedAt,
        String detail,
        GeoPoint location,
        Instant updated) {}
