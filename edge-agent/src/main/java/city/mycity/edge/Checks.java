package city.mycity.edge;

import city.mycity.reading.Identifiers;
import java.time.Duration;

/** The one place that checks builder settings, with uniform messages. */
final class Checks {

    private Checks() {}

    static void state(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    static void notNull(String what, Object value) {
        state(value != null, what + " must not be null.");
    }

    static void positive(String what, Duration value) {
        state(value != null && !value.isNegative() && !value.isZero(), what + " must be positive.");
    }

    static void identifier(String what, String id) {
        state(
                Identifiers.isValid(id),
                what + " must be set to a valid identifier"
                        + " (1-64 characters of a-z, 0-9, '.', '_' or '-'), but was: " + id);
    }
}
