package city.mycity.edge;

import city.mycity.metrics.MetricsSettings;
import city.mycity.settings.MqttSettings;
import city.mycity.settings.Setting;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The edge agent's settings: system property = key, environment variable = key in upper case with underscores. */
public final class EdgeSettings {

    public static final Setting<String> TENANT =
            Setting.string("mycity.edge.tenant", "The council (tenant) whose devices this agent forwards.", null);
    public static final Setting<String> GATEWAY =
            Setting.string("mycity.edge.gateway", "The gateway identifier of this agent (its topic level).", null);
    public static final Setting<String> COAP_HOST = Setting.string(
            "mycity.coap.host",
            "The address CoAP binds to, e.g. 0.0.0.0 for the sensor network: with DTLS sensors authenticate; with"
                    + " plain CoAP (lab) bind loopback or an isolated network only.",
            "127.0.0.1");
    public static final Setting<Integer> COAP_PORT = Setting.integer(
            "mycity.coap.port", "The UDP port for CoAP; 0 = a free one; a free one too when taken.", 5683, "port");
    public static final Setting<String> MQTT_URL = MqttSettings.URL;
    public static final Setting<String> MQTT_USERNAME = MqttSettings.USERNAME;
    public static final Setting<String> MQTT_PASSWORD = MqttSettings.PASSWORD;
    public static final Setting<String> MQTT_CA_FILE = MqttSettings.CA_FILE;
    public static final Setting<Boolean> PLAIN_MQTT = new Setting<>(
            "mycity.edge.plain-mqtt",
            "Lab only: allow a tcp:// broker URL to another machine (password and readings in clear); off, only"
                    + " ssl:// or a broker on this machine.",
            false,
            "on/off",
            false,
            EdgeSettings::onOff);
    public static final Setting<Integer> MAX_PAYLOAD = Setting.integer(
            "mycity.edge.max-payload", "The largest payload a device may send; larger get 4.13.", 16_384, "bytes");
    public static final Setting<Integer> MAX_IN_FLIGHT = Setting.integer(
            "mycity.edge.max-in-flight",
            "The most MQTT messages (gateway packs or device messages) awaiting PUBACK; beyond it devices get 5.03.",
            256,
            "messages");
    public static final Setting<Duration> PUBLISH_TIMEOUT = Setting.duration(
            "mycity.edge.publish-timeout", "How long to wait for PUBACK before answering 5.03.", Duration.ofSeconds(5));

    public static final Setting<Boolean> PACKING = new Setting<>(
            "mycity.edge.packing",
            "Whether readings of one gateway's sensors go up together as gateway packs on mycity/v1/{tenant}/{gateway}/up"
                    + " (on), or each device message alone on its device topic (off).",
            true,
            "on/off",
            false,
            EdgeSettings::onOff);
    public static final Setting<Integer> PACK_MAX_READINGS = Setting.integer(
            "mycity.edge.pack-max-readings",
            "A gateway pack is published once it holds this many readings (SenML records); at most 2048.",
            200,
            "readings");
    public static final Setting<Integer> PACK_MAX_BYTES = Setting.integer(
            "mycity.edge.pack-max-bytes",
            "A gateway pack is published before it would grow past this many bytes of SenML JSON; at most 262144.",
            65_536,
            "bytes");
    public static final Setting<Duration> PACK_LINGER = Setting.duration(
            "mycity.edge.pack-linger",
            "A gateway pack is published once its oldest reading has waited this long, full or not.",
            Duration.ofMillis(50));

    public static final Setting<String> PROFILES = Setting.string(
            "mycity.edge.profiles",
            "A file of device profiles, one 'device = codec [key=value ...]' a line, that says which vendor codec reads"
                    + " each device's frames (content format 42); unset, the agent reads SenML and the bay frame only.",
            null);

    public static final Setting<String> DEVICE_KEYS = Setting.string(
            "mycity.edge.device-keys",
            "A file of the sensors' pre-shared keys, one 'device = hex:KEY' (or text:KEY) a line, at least 16 bytes"
                    + " each: CoAP over DTLS 1.2, each sensor authenticated under its device id. Required unless"
                    + " plain CoAP is on. Keep it readable by the agent only.",
            null);
    public static final Setting<Boolean> PLAIN_COAP = new Setting<>(
            "mycity.edge.plain-coap",
            "Lab only: plain CoAP without DTLS, so devices do not authenticate.",
            false,
            "on/off",
            false,
            EdgeSettings::onOff);
    public static final Setting<String> OUTBOX = Setting.string(
            "mycity.edge.outbox",
            "The file of the durable outbox (SQLite): with it, a sensor is answered once its message is stored there,"
                    + " and stored messages go up in order when the broker can take them, across outages and restarts;"
                    + " unset, a sensor is answered only once the broker acknowledged its message (5.03 meanwhile).",
            null);
    public static final Setting<Long> OUTBOX_MAX_READINGS = Setting.longValue(
            "mycity.edge.outbox-max-readings",
            "The most readings the outbox holds; when full, the oldest are evicted and counted.",
            2_000_000L,
            "readings");
    public static final Setting<Long> OUTBOX_MAX_BYTES = Setting.longValue(
            "mycity.edge.outbox-max-bytes",
            "The most bytes of SenML the outbox holds; when full, the oldest are evicted and counted.",
            512L * 1024 * 1024,
            "bytes");

    public static final Setting<Duration> TELEMETRY_INTERVAL = Setting.duration(
            "mycity.edge.telemetry-interval",
            "How often the agent reports its gateway's health as readings of the gateway (uptime, outbox depth and"
                    + " oldest age, evictions, CPU, memory) and each sensor's seen-ago; 0 = off.",
            Duration.ofMinutes(1));

    private EdgeSettings() {}

    static boolean onOff(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "1" -> true;
            case "off", "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("expected on or off");
        };
    }

    public static List<Setting<?>> all() {
        return List.of(
                TENANT,
                GATEWAY,
                COAP_HOST,
                COAP_PORT,
                MQTT_URL,
                MQTT_USERNAME,
                MQTT_PASSWORD,
                MQTT_CA_FILE,
                PLAIN_MQTT,
                MAX_PAYLOAD,
                MAX_IN_FLIGHT,
                PUBLISH_TIMEOUT,
                PACKING,
                PROFILES,
                DEVICE_KEYS,
                PLAIN_COAP,
                OUTBOX,
                OUTBOX_MAX_READINGS,
                OUTBOX_MAX_BYTES,
                TELEMETRY_INTERVAL,
                PACK_MAX_READINGS,
                PACK_MAX_BYTES,
                PACK_LINGER,
                MetricsSettings.PORT,
                MetricsSettings.HOST);
    }
}
