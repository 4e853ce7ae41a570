package city.mycity.reading;

import java.util.Optional;

/**
 * The MQTT topic scheme for readings going up: {@code mycity/v1/{tenant}/{gateway}/{device}/up}.
 *
 * <p>The tenant comes first so that a broker can grant a council, a gateway or a single device exactly its own
 * subtree; the trailing {@code up} leaves room for {@code down} (configuration), {@code health} and others beside it.
 */
public final class UplinkTopic {

    public static final String ROOT = "mycity/v1";
    public static final String UP = "up";

    private UplinkTopic() {}

    public static String of(DeviceAddress address) {
        return ROOT + "/" + address.tenant() + "/" + address.gateway() + "/" + address.device() + "/" + UP;
    }

    /** The filter matching every device's uplink of every tenant. */
    public static String allTenants() {
        return ROOT + "/+/+/+/" + UP;
    }

    /** The filter matching every device's uplink of one tenant. */
    public static String tenant(String tenant) {
        return ROOT + "/" + Identifiers.check("tenant", tenant) + "/+/+/" + UP;
    }

    /** An MQTT 5 shared subscription, so that parallel readers of one group share the messages. */
    public static String shared(String group, String filter) {
        return "$share/" + Identifiers.check("group", group) + "/" + filter;
    }

    /** The address a topic names, or empty when the topic does not follow the scheme. */
    public static Optional<DeviceAddress> parse(String topic) {
        if (topic == null || !topic.startsWith(ROOT + "/")) {
            return Optional.empty();
        }
        String[] parts = topic.substring(ROOT.length() + 1).split("/", -1);
        if (parts.length != 4 || !UP.equals(parts[3])) {
            return Optional.empty();
        }
        if (!Identifiers.isValid(parts[0]) || !Identifiers.isValid(parts[1]) || !Identifiers.isValid(parts[2])) {
            return Optional.empty();
        }
        return Optional.of(new DeviceAddress(parts[0], parts[1], parts[2]));
    }
}
