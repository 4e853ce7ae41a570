package city.mycity.launcher;

import city.mycity.edge.EdgeSettings;
import city.mycity.geo.GeoSettings;
import city.mycity.settings.MqttSettings;
import city.mycity.settings.Setting;
import city.mycity.storage.DatabaseSettings;

/**
 * The settings {@code mycity demo} reads itself, all declared by the modules they belong to. Each embedded part is
 * replaced by setting its URL: {@code MYCITY_MQTT_URL}, {@code MYCITY_JDBC_URL}.
 */
public final class LauncherSettings {

    public static final Setting<String> MQTT_URL = MqttSettings.URL;
    public static final Setting<String> MQTT_USERNAME = MqttSettings.USERNAME;
    public static final Setting<String> MQTT_PASSWORD = MqttSettings.PASSWORD;
    public static final Setting<String> JDBC_URL = DatabaseSettings.JDBC_URL;
    public static final Setting<String> DB_USER = DatabaseSettings.USER;
    public static final Setting<String> DB_PASSWORD = DatabaseSettings.PASSWORD;
    /** Port of the API and dashboard (8080); a free port is used when it is taken. */
    public static final Setting<Integer> HTTP_PORT = GeoSettings.HTTP_PORT;

    public static final Setting<Integer> MANAGEMENT_PORT = GeoSettings.MANAGEMENT_PORT;
    /** UDP port of the edge agent (5683); a free port is used when it is taken. */
    public static final Setting<Integer> COAP_PORT = EdgeSettings.COAP_PORT;

    /**
     * How many messages the embedded broker queues per session while a client (the stream job) is away: a day of the
     * demo's traffic (about 10 gateway packs a second) fits. A full queue drops new QoS 1 messages.
     */
    public static final Setting<Long> BROKER_MAX_QUEUED = Setting.longValue(
            "mycity.broker.max-queued-messages",
            "messages the embedded broker keeps per session while its client is away (a day of the demo's gateway"
                    + " packs fits); a full queue drops new QoS 1 messages",
            1_000_000L,
            "messages");

    /** The HTTPS port of direct ingress (devices without a gateway), on loopback in the demo. */
    public static final Setting<Integer> INGRESS_PORT = Setting.integer(
            "mycity.ingress.port",
            "HTTPS port where devices without a gateway post their readings (direct ingress); when taken, a free one",
            8443,
            "port");

    /** The CoAP-over-DTLS port of direct ingress, on loopback in the demo. */
    public static final Setting<Integer> INGRESS_COAP_PORT = Setting.integer(
            "mycity.ingress.coap-port",
            "UDP port where devices without a gateway post over CoAP and DTLS (direct ingress); when taken, a free one",
            5684,
            "port");

    private LauncherSettings() {}
}
