package city.mycity.gateway.brokeraccess;

import city.mycity.gateway.credentials.Subject;
import city.mycity.reading.UplinkTopic;
import java.util.List;

/**
 * Who may use which topics, derived from the registry: a gateway or device publishes only under its own topics and
 * reads only its own configuration; only the platform's ingest service reads the uplinks.
 *
 * <ul>
 *   <li>gateway {@code g1} of {@code north}: writes {@code mycity/v1/north/g1/up}, {@code mycity/v1/north/g1/+/up}
 *       (its devices' packs), {@code mycity/v1/north/g1/config/status} and {@code mycity/v1/north/g1/refused} (what
 *       it refused of its sensors); reads {@code mycity/v1/north/g1/config}.
 *   <li>device {@code d1} of gateway {@code g1}: writes {@code mycity/v1/north/g1/d1/up}; reads
 *       {@code mycity/v1/north/g1/d1/config}.
 *   <li>service {@value #INGEST}: reads every council's uplinks (the stream jobs); {@value #REPLAY}: writes them (the
 *       re-injection of refused messages); {@value #CONTROL}: writes configurations, reads their statuses;
 *       {@value #BRIDGE}: what every gateway may do, for the demo's one edge agent that serves a whole town.
 * </ul>
 */
public final class BrokerAccess {

    public static final String INGEST = "ingest";
    public static final String REPLAY = "replay";
    public static final String CONTROL = "control";
    /** An edge agent that serves the gateways of a whole simulated town from one process (the demo's). */
    public static final String BRIDGE = "bridge";
    /** Direct ingress: hands on the packs of devices without a gateway, each on the device's own topic. */
    public static final String DIRECT = "direct-ingress";

    private static final String ROOT = UplinkTopic.ROOT;

    private BrokerAccess() {}

    /** What a gateway may do. */
    public static List<TopicGrant> ofGateway(String tenant, String gateway) {
        String prefix = ROOT + "/" + tenant + "/" + gateway;
        return List.of(
                TopicGrant.write(prefix + "/up"),
                TopicGrant.write(prefix + "/+/up"),
                TopicGrant.write(prefix + "/config/status"),
                TopicGrant.write(prefix + "/refused"),
                TopicGrant.read(prefix + "/config"));
    }

    /** What a device that speaks MQTT itself may do; {@code gateway} is the one the registry files it under. */
    public static List<TopicGrant> ofDevice(String tenant, String gateway, String device) {
        String prefix = ROOT + "/" + tenant + "/" + gateway + "/" + device;
        return List.of(TopicGrant.write(prefix + "/up"), TopicGrant.read(prefix + "/config"));
    }

    /** What a service of the platform may do; nothing for a service it does not know. */
    public static List<TopicGrant> ofService(String service) {
        return switch (service) {
            case INGEST ->
                List.of(
                        TopicGrant.read(ROOT + "/+/+/up"),
                        TopicGrant.read(ROOT + "/+/+/+/up"),
                        TopicGrant.read(ROOT + "/+/+/refused"));
            case REPLAY -> List.of(TopicGrant.write(ROOT + "/+/+/up"), TopicGrant.write(ROOT + "/+/+/+/up"));
            case CONTROL ->
                List.of(TopicGrant.write(ROOT + "/+/+/config"), TopicGrant.read(ROOT + "/+/+/config/status"));
            case DIRECT -> List.of(TopicGrant.write(ROOT + "/+/+/+/up"));
            case BRIDGE ->
                List.of(
                        TopicGrant.write(ROOT + "/+/+/up"),
                        TopicGrant.write(ROOT + "/+/+/+/up"),
                        TopicGrant.write(ROOT + "/+/+/config/status"),
                        TopicGrant.write(ROOT + "/+/+/refused"),
                        TopicGrant.read(ROOT + "/+/+/config"));
            default -> List.of();
        };
    }

    /** What a subject may do; a device's gateway comes from the registry. */
    public static List<TopicGrant> of(Subject subject, java.util.function.Function<Subject, String> gatewayOfDevice) {
        return switch (subject.kind()) {
            case GATEWAY -> ofGateway(subject.tenant(), subject.id());
            case DEVICE -> {
                String gateway = gatewayOfDevice.apply(subject);
                yield gateway == null ? List.of() : ofDevice(subject.tenant(), gateway, subject.id());
            }
            case SERVICE -> ofService(subject.id());
        };
    }
}
