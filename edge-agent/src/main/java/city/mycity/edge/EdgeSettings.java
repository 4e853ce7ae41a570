package city.mycity.edge;

import city.mycity.metrics.MetricsSettings;
import city.mycity.settings.MqttSettings;
import city.mycity.settings.Setting;
import java.time.Duration;
import java.util.List;

/** The edge agent's settings: system property = key, environment variable = key in upper case with underscores. */
public final class EdgeSettings {

    public static final Setting<String> TENANT =
            Setting.string("mycity.edge.tenant", "The council (tenant) whose devices this agent forwards.", null);
    public static final Setting<String> GATEWAY =
            Setting.string("mycity.edge.gateway", "The gateway identifier of this agent (its topic level).", null);
    public static final Setting<String> COAP_HOST = Setting.string(
            "mycity.coap.host",
            "The address CoAP binds to. Uplinks are not authenticated yet (no DTLS): bind another address only"
                    + " on an isolated sensor network.",
            "127.0.0.1");
    public static final Setting<Integer> COAP_PORT = Setting.integer(
            "mycity.coap.port", "The UDP port for CoAP; 0 = a free one; a free one too when taken.", 5683, "port");
    public static final Setting<String> MQTT_URL = MqttSettings.URL;
    public static final Setting<String> MQTT_USERNAME = MqttSettings.USERNAME;
    public static final Setting<String> MQTT_PASSWORD = MqttSettings.PASSWORD;
    public static final Setting<Integer> MAX_PAYLOAD = Setting.integer(
            "mycity.edge.max-payload", "The largest payload a device may send; larger get 4.13.", 16_384, "bytes");
    public static final Setting<Integer> MAX_IN_FLIGHT = Setting.integer(
            "mycity.edge.max-in-flight",
            "The most messages awaiting PUBACK; beyond it devices get 5.03.",
            256,
            "messages");
    public static final Setting<Duration> PUBLISH_TIMEOUT = Setting.duration(
            "mycity.edge.publish-timeout", "How long to wait for PUBACK before answering 5.03.", Duration.ofSeconds(5));

    private EdgeSettings() {}

    public static List<Setting<?>> all() {
        return List.of(
                TENANT,
                GATEWAY,
                COAP_HOST,
                COAP_PORT,
                MQTT_URL,
                MQTT_USERNAME,
                MQTT_PASSWORD,
                MAX_PAYLOAD,
                MAX_IN_FLIGHT,
                PUBLISH_TIMEOUT,
                MetricsSettings.PORT,
                MetricsSettings.HOST);
    }
}
