package city.mycity.gateway.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A registered edge gateway as operators manage it.
 *
 * @param status {@code planned}, {@code active} or {@code retired}
 */
public record Gateway(
        String id,
        String zone,
        double latitude,
        double longitude,
        String status,
        String firmwareVersion,
        LocalDate installedOn,
        Instant updatedAt,
        Instant retiredAt) {}
