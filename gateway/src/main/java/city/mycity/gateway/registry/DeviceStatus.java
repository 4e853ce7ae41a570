package city.mycity.gateway.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a device is in its life. */
public enum DeviceStatus {
    /** Registered, not installed or not sending yet. */
    PLANNED,
    /** Installed and sending. */
    ACTIVE,
    /** Sending, but being serviced: its readings are stored and its alerts are not to be trusted. */
    MAINTENANCE,
    /** Taken out of service: kept with its history; its readings are refused. */
    RETIRED;

    /** As the API and the database write it: {@code planned}, {@code active}, {@code maintenance}, {@code retired}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DeviceStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
