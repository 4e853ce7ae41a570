package city.mycity.gateway.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A registered device as operators manage it.
 *
 * @param site the car park of an off-street bay, or {@code null}
 * @param vendor who made it, or {@code null}
 * @param profile how its frames are read, {@code codec [key=value ...]}, or {@code null} for SenML
 * @param installedOn the day it was installed, or {@code null}
 * @param firmwareVersion the firmware it runs, or {@code null}
 * @param retiredAt when it was retired, or {@code null}
 * @param version counts its changes, from 1 (an update may require the version it read)
 */
public record Device(
        String id,
        String gateway,
        String kind,
        String zone,
        String site,
        double latitude,
        double longitude,
        String vendor,
        String profile,
        LocalDate installedOn,
        DeviceStatus status,
        String firmwareVersion,
        Instant registeredAt,
        Instant updatedAt,
        Instant retiredAt,
        int version) {

    /** The codec its profile names (the profile's first word), or {@code senml} without a profile. */
    public String codec() {
        return profile == null ? "senml" : profile.trim().split("\\s+", 2)[0];
    }
}
