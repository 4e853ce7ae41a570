package city.mycity.reading;

import java.util.List;
import java.util.Optional;

/**
 * The MQTT topic scheme for readings going up: {@code mycity/v1/{tenant}/{gateway}/{device}/up} for one device's pack,
 * {@code mycity/v1/{tenant}/{gateway}/up} for a gateway pack (the records of several of the gateway's devices, each
 * named after its device).
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

    /** A gateway pack's topic. */
    public static String ofGateway(String tenant, String gateway) {
        return ROOT + "/" + Identifiers.check("tenant", tenant) + "/" + Identifiers.check("gateway", gateway) + "/"
                + UP;
    }

    /** The filters matching every uplink of every tenant: device packs and gateway packs. */
    public static List<String> everyTenant() {
        return List.of(ROOT + "/+/+/+/" + UP, ROOT + "/+/+/" + UP);
    }

    /** The filters matching every uplink of one tenant: device packs and gateway packs. */
    public static List<String> ofTenant(String tenant) {
        Identifiers.check("tenant", tenant);
        return List.of(ROOT + "/" + tenant + "/+/+/" + UP, ROOT + "/" + tenant + "/+/" + UP);
    }

    /** The filter matching every device's uplink of every tenant (device packs only). */
    public static String allTenants() {
        return ROOT + "/+/+/+/" + UP;
    }

    /** The filter matching every device's uplink of one tenant (device packs only). */
    public static String tenant(String tenant) {
        return ROOT + "/" + Identifiers.check("tenant", tenant) + "/+/+/" + UP;
    }

    /** An MQTT 5 shared subscription, so that parallel readers of one group share the messages. */
    public static String shared(String group, String filter) {
        return "$share/" + Identifiers.check("group", group) + "/" + filter;
    }

    /** The device address a device pack's topic names, or empty when the topic is not one. */
    public static Optional<DeviceAddress> parse(String topic) {
        return origin(topic)
                .filter(o -> !o.isGatewayPack())
                .map(o -> new DeviceAddress(o.tenant(), o.gateway(), o.device()));
    }

    /** Who sent a message, as its topic says (a device or a gateway), or empty when the topic follows no scheme. */
    public static Optional<UplinkOrigin> origin(String topic) {
        if (topic == null || !topic.startsWith(ROOT + "/")) {
            return Optional.empty();
        }
        String[] parts = topic.substring(ROOT.length() + 1).split("/", -1);
        if (parts.length < 3 || parts.length > 4 || !UP.equals(parts[parts.length - 1])) {
            return Optional.empty();
        }
        for (int i = 0; i < parts.length - 1; i++) {
            if (!Identifiers.isValid(parts[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(new UplinkOrigin(parts[0], parts[1], parts.length == 4 ? parts[2] : null));
    }
}
