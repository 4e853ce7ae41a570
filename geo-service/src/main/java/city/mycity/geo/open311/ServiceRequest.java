package city.mycity.geo.open311;

import java.time.Instant;
import java.util.Map;

/**
 * A problem report as the public sees it: never who made it.
 *
 * @param photo the id of its photo, or null
 */
public record ServiceRequest(
        long id,
        String serviceCode,
        String status,
        String statusNotes,
        String description,
        double latitude,
        double longitude,
        String address,
        Map<String, String> attributes,
        String photo,
        Instant requested,
        Instant updated) {}
