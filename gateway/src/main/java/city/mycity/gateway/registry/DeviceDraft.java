package city.mycity.gateway.registry;

import city.mycity.gateway.exception.InvalidInputException;
import city.mycity.reading.SensorKind;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The fields of a device that an operator writes: all of them to create one, any of them to change one ({@code null}
 * leaves a field as it is). {@link #checkNew()} and {@link #checkChange()} say which field is wrong and why.
 */
public record DeviceDraft(
        String id,
        String gateway,
        String kind,
        String zone,
        String site,
        Double latitude,
        Double longitude,
        String vendor,
        String profile,
        LocalDate installedOn,
        DeviceStatus status,
        String firmwareVersion) {

    private static final Pattern TEXT = Pattern.compile("[\\p{L}\\p{N} ._/+:=(),'&-]{1,200}");

    /** Checks a draft for a new device: id, gateway, kind, zone and position are required. */
    public DeviceDraft checkNew() {
        require("id", id);
        require("gateway", gateway);
        require("kind", kind);
        require("zone", zone);
        if (latitude == null || longitude == null) {
            throw new InvalidInputException(latitude == null ? "latitude" : "longitude", "A device needs a position.");
        }
        return checkChange();
    }

    /** Checks the fields that are set. */
    public DeviceDraft checkChange() {
        RegistryChecks.identifier("id", id);
        RegistryChecks.identifier("gateway", gateway);
        RegistryChecks.identifier("zone", zone);
        RegistryChecks.identifier("site", site);
        if (kind != null && SensorKind.fromCode(kind).isEmpty()) {
            throw new InvalidInputException(
                    "kind",
                    "Unknown device kind " + kind + ": one of "
                            + java.util.Arrays.stream(SensorKind.values())
                                    .map(SensorKind::code)
                                    .toList() + ".");
        }
        RegistryChecks.position(latitude, longitude);
        text("vendor", vendor);
        text("profile", profile);
        if (profile != null) {
            try {
                city.mycity.codec.DeviceProfile.parse(profile);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("profile", "The profile is 'codec key=value ...': " + e.getMessage());
            }
        }
        text("firmwareVersion", firmwareVersion);
        if (installedOn != null
                && (installedOn.getYear() < 1990
                        || installedOn.isAfter(LocalDate.now().plusYears(1)))) {
            throw new InvalidInputException("installedOn", "Installation day must be between 1990 and next year.");
        }
        return this;
    }

    private static void require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "A device needs its " + field + ".");
        }
    }

    private static void text(String field, String value) {
        if (value != null && !TEXT.matcher(value).matches()) {
            throw new InvalidInputException(
                    field, "The " + field + " is 1-200 letters, digits, spaces or . _ / + : = ( ) , ' & -.");
        }
    }
}
