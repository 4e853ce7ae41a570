package city.mycity.edge.coap;

import city.mycity.edge.config.GatewayConfig;
import city.mycity.edge.config.RemoteConfig;
import city.mycity.edge.config.SensorSettings;
import city.mycity.reading.Identifiers;
import city.mycity.reading.SensorKind;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;

/**
 * {@code GET /config/{device}}: the settings a sensor runs with, from the gateway's configuration, as JSON (content
 * format 50): {@code {"version":3,"interval":900,"thresholds":{"fill":80.0}}}, the interval in seconds. Observable
 * (RFC 7641): a sensor that observes it is sent its new settings as soon as a configuration is applied, no restart
 * of anything. Over DTLS a sensor reads only its own settings (4.03 for another's).
 */
final class ConfigResource extends CoapResource {

    static final String NAME = "config";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RemoteConfig config;
    private final Function<String, Optional<SensorKind>> kindOf;
    private final boolean authenticated;
    private final Predicate<String> known;
    private final Map<String, DeviceConfig> devices = new ConcurrentHashMap<>();

    /**
     * @param known the devices that have settings here: a child resource is made only for them, so that requests for
     *     made-up names cannot fill the agent's memory
     */
    ConfigResource(
            RemoteConfig config,
            Function<String, Optional<SensorKind>> kindOf,
            boolean authenticated,
            Predicate<String> known) {
        super(NAME);
        this.config = config;
        this.kindOf = kindOf;
        this.authenticated = authenticated;
        this.known = known;
        getAttributes().setTitle("Sensor settings: GET /config/{device}, observable");
        config.onApplied(applied -> devices.values().forEach(CoapResource::changed));
    }

    @Override
    public Resource getChild(String name) {
        if (!Identifiers.isValid(name) || !known.test(name)) {
            return null;
        }
        return devices.computeIfAbsent(name, DeviceConfig::new);
    }

    @Override
    public void handleGET(CoapExchange exchange) {
        exchange.respond(ResponseCode.NOT_FOUND, "GET /config/{device}");
    }

    /** The settings of one device; a child per device so that each is observed on its own. */
    private final class DeviceConfig extends CoapResource {

        DeviceConfig(String device) {
            super(device);
            setObservable(true);
            getAttributes().setObservable();
        }

        @Override
        public void handleGET(CoapExchange exchange) {
            String device = getName();
            if (authenticated) {
                Principal peer =
                        exchange.advanced().getRequest().getSourceContext().getPeerIdentity();
                String identity = peer instanceof PreSharedKeyIdentity psk ? psk.getIdentity() : null;
                if (!device.equals(identity)) {
                    exchange.respond(ResponseCode.FORBIDDEN, "a sensor reads only its own settings");
                    return;
                }
            }
            GatewayConfig running = config.current();
            SensorSettings settings = running.settingsFor(
                    device, kindOf.apply(device).map(SensorKind::code).orElse(null));
            ObjectNode body = JSON.createObjectNode();
            body.put("version", running.version());
            body.put("interval", settings.interval().toSeconds());
            ObjectNode thresholds = body.putObject("thresholds");
            settings.thresholds().forEach(thresholds::put);
            exchange.respond(ResponseCode.CONTENT, body.toString(), MediaTypeRegistry.APPLICATION_JSON);
        }
    }
}
