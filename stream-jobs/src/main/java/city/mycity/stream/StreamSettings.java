package city.mycity.stream;

import city.mycity.settings.MqttSettings;
import city.mycity.settings.Setting;
import city.mycity.storage.DatabaseSettings;
import java.time.Duration;
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

    public static final Setting<Duration> REGISTRY_REFRESH = Setting.duration(
            "mycity.stream.registry-refresh",
            "how often each task reloads the registered devices (also, at most every 5 s, on an unknown device)",
            Duration.ofSeconds(30));

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
            REGISTRY_REFRESH);

    private StreamSettings() {}
}
