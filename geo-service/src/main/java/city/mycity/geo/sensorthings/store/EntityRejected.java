package city.mycity.geo.sensorthings.store;

/**
 * A create, update or delete the service refuses: a bad body (400), a conflict with what is stored (409: a missing
 * related entity, an entity the registry manages), or nothing at the path (404). The message says what to change.
 */
public final class EntityRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String reason;

    public EntityRejected(int status, String reason, String message) {
        super(message);
        this.status = status;
        this.reason = reason;
    }

    static EntityRejected bad(String message) {
        return new EntityRejected(400, "invalid_entity", message);
    }

    static EntityRejected conflict(String message) {
        return new EntityRejected(409, "conflict", message);
    }

    static EntityRejected managed(String what) {
        return new EntityRejected(
                409,
                "managed_by_registry",
                what + " shows a device of the city's registry: change the device through the registry"
                        + " (/api/v1/registry/devices), not through SensorThings.");
    }

    /** The HTTP status to answer with. */
    public int status() {
        return status;
    }

    /** A short code for the problem document's type. */
    public String reason() {
        return reason;
    }
}
