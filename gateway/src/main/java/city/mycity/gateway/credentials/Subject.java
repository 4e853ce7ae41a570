package city.mycity.gateway.credentials;

import city.mycity.reading.Identifiers;
import java.util.Locale;
import java.util.Objects;

/**
 * Whose credential: a gateway or a device of a council, or one of the platform's own services (no council).
 *
 * @param tenant the council, {@code null} for a service
 */
public record Subject(Kind kind, String tenant, String id) {

    /** What the subject is. */
    public enum Kind {
        GATEWAY,
        DEVICE,
        SERVICE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    public Subject {
        Objects.requireNonNull(kind, "Subject kind must not be null.");
        Identifiers.check(kind.code(), id);
        if ((kind == Kind.SERVICE) != (tenant == null)) {
            throw new IllegalArgumentException("A service belongs to no council; a gateway or device to one.");
        }
        if (tenant != null) {
            Identifiers.check("tenant", tenant);
        }
    }

    public static Subject gateway(String tenant, String id) {
        return new Subject(Kind.GATEWAY, tenant, id);
    }

    public static Subject device(String tenant, String id) {
        return new Subject(Kind.DEVICE, tenant, id);
    }

    public static Subject service(String id) {
        return new Subject(Kind.SERVICE, null, id);
    }

    /**
     * The identity the subject presents (MQTT username, DTLS PSK identity): {@code gw~north~g1}, {@code dev~north~bin-1}
     * or {@code svc~ingest}. '~' is in no identifier, so the parts never run into each other.
     */
    public String identity() {
        return switch (kind) {
            case GATEWAY -> "gw~" + tenant + "~" + id;
            case DEVICE -> "dev~" + tenant + "~" + id;
            case SERVICE -> "svc~" + id;
        };
    }
}
