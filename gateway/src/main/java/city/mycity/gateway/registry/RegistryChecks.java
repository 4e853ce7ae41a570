package city.mycity.gateway.registry;

import city.mycity.gateway.exception.InvalidInputException;
import city.mycity.reading.Identifiers;

/** The checks devices and gateways share, each naming the field at fault. */
final class RegistryChecks {

    private RegistryChecks() {}

    /** An identifier, when given. */
    static void identifier(String field, String value) {
        if (value != null && !Identifiers.isValid(value)) {
            throw new InvalidInputException(
                    field,
                    "A " + field + " is 1-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or"
                            + " digit.");
        }
    }

    /** A position on the globe, each coordinate when given. */
    static void position(Double latitude, Double longitude) {
        if (latitude != null && !(latitude >= -90 && latitude <= 90)) {
            throw new InvalidInputException("latitude", "Latitude must be between -90 and 90 degrees.");
        }
        if (longitude != null && !(longitude >= -180 && longitude <= 180)) {
            throw new InvalidInputException("longitude", "Longitude must be between -180 and 180 degrees.");
        }
    }
}
