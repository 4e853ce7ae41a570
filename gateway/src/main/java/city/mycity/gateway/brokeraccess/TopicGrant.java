package city.mycity.gateway.brokeraccess;

/**
 * One topic filter an account may use, and how.
 *
 * @param filter an MQTT topic filter, e.g. {@code mycity/v1/north/g1/+/up}
 */
public record TopicGrant(String filter, Access access) {

    /** What the account may do with the topics the filter matches. */
    public enum Access {
        /** Subscribe and receive. */
        READ,
        /** Publish. */
        WRITE
    }

    public static TopicGrant read(String filter) {
        return new TopicGrant(filter, Access.READ);
    }

    public static TopicGrant write(String filter) {
        return new TopicGrant(filter, Access.WRITE);
    }
}
