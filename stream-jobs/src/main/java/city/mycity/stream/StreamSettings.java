package city.mycity.stream;

import city.mycity.settings.MqttSettings;
import city.mycity.settings.Setting;
import city.mycity.storage.DatabaseSettings;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/** The settings of the stream jobs, with their defaults. */
public final class StreamSettings {

    public static final Setting<String> MQTT_URL = MqttSettings.URL;
    public static final Setting<String> MQTT_USERNAME = MqttSettings.USERNAME;
    public static final Setting<String> MQTT_PASSWORD = MqttSettings.PASSWORD;
    public static final Setting<String> JDBC_URL = DatabaseSettings.JDBC_URL;
    public static final Setting<String> DB_USER = DatabaseSettings.USER;
    public static final Setting<String> DB_PASSWORD = DatabaseSettings.PASSWORD;
    public static final Setting<Duration> CHECKPOINT_INTERVAL = Setting.duration(
            "mycity.stream.checkpoint-interval",
            "how often Flink checkpoints; messages are acknowledged to the broker and batches committed at each",
            Duration.ofSeconds(1));
    public static final Setting<Integer> PARALLELISM =
            Setting.integer("mycity.stream.parallelism", "parallel instances of each operator", 1, null);
    public static final Setting<String> GROUP = Setting.string(
            "mycity.stream.group",
            "MQTT shared-subscription group and client id prefix ({group}-{subtask})",
            "stream-jobs");
    public static final Setting<Integer> BATCH_SIZE =
            Setting.integer("mycity.stream.batch-size", "the most rows a sink writes in one statement", 1000, "rows");

    public static final Setting<Duration> STATE_INTERVAL = Setting.duration(
            "mycity.stream.state-interval",
            "how often the latest state of each sensor, car park and zone is written, the newest per key: at every"
                    + " checkpoint (0), or at the first checkpoint after this has passed, the rows held in Flink state"
                    + " until then; longer saves upserts of sensors that report often, but every checkpoint meanwhile"
                    + " copies the rows held",
            Duration.ZERO);
    public static final Setting<Duration> REGISTRY_REFRESH = Setting.duration(
            "mycity.stream.registry-refresh",
            "how often each task reloads the registered devices (also, at most every 5 s, on an unknown device)",
            Duration.ofSeconds(30));

    public static final Setting<Duration> SESSION_EXPIRY = Setting.duration(
            "mycity.stream.session-expiry",
            "how long the broker keeps each reader's session, and the messages queued for it, while the job is away:"
                    + " the longest outage the job survives without a loss (a day, with margin)",
            Duration.ofHours(48));
    public static final Setting<Integer> RECEIVE_MAXIMUM = Setting.integer(
            "mycity.stream.receive-maximum",
            "the most unacknowledged messages the broker may send one connection (MQTT 5 Receive Maximum): the"
                    + " in-flight window; messages are acknowledged once per checkpoint",
            1000,
            "messages");
    public static final Setting<Integer> CONNECTIONS = Setting.integer(
            "mycity.stream.connections",
            "MQTT connections per reader: the in-flight window of a reader is connections x receive-maximum",
            4,
            "connections");

    public static final Setting<Duration> UNKNOWN_DEVICE_GRACE = Setting.duration(
            "mycity.stream.unknown-device-grace",
            "how long readings of a device the registry does not know (or knows behind another gateway) are held in"
                    + " Flink state and checked again before they are refused: time to register or move a device",
            Duration.ofMinutes(10));
    public static final Setting<Integer> HOLD_LIMIT = Setting.integer(
            "mycity.stream.hold-limit",
            "the most messages held for one topic while their device is unknown; past it they are refused at once",
            1000,
            "messages");
    public static final Setting<ZoneId> TIME_ZONE = new Setting<>(
            "mycity.stream.time-zone",
            "the city's time zone: car parks' daily profiles (and forecasts) follow its local clock, e.g."
                    + " Europe/London",
            ZoneOffset.UTC,
            null,
            false,
            ZoneId::of);

    public static final Setting<String> DOMAIN = Setting.string(
            "mycity.stream.domain",
            "which analytics job an AlertingJob main runs: water, bins, traffic or health",
            "water");

    public static final Setting<Duration> OUT_OF_ORDERNESS = Setting.duration(
            "mycity.stream.out-of-orderness",
            "how far behind the newest device time an analytics job still takes a reading in device-time order (its"
                    + " watermark lags this much): a gateway that sends in bursts needs more",
            Duration.ofMinutes(1));

    /** How often held readings are checked again (each check may reload the registry, at most every 5 s). */
    public static final Duration UNKNOWN_DEVICE_RECHECK = Duration.ofSeconds(10);

    public static final List<Setting<?>> ALL = List.of(
            MQTT_URL,
            MQTT_USERNAME,
            MQTT_PASSWORD,
            JDBC_URL,
            DB_USER,
            DB_PASSWORD,
            CHECKPOINT_INTERVAL,
            PARALLELISM,
            GROUP,
            BATCH_SIZE,
            STATE_INTERVAL,
            REGISTRY_REFRESH,
            UNKNOWN_DEVICE_GRACE,
            HOLD_LIMIT,
            TIME_ZONE,
            DOMAIN,
            OUT_OF_ORDERNESS,
            SESSION_EXPIRY,
            RECEIVE_MAXIMUM,
            CONNECTIONS);

    private StreamSettings() {}
}
