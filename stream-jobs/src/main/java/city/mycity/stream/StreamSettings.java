package city.mycity.stream;

import city.mycity.settings.Setting;
import java.time.Duration;
import java.util.List;

/** The settings of the stream jobs, with their defaults. */
public final class StreamSettings {

    public static final Setting<String> MQTT_URL =
            Setting.string("mycity.mqtt.url", "MQTT broker the readings arrive on, e.g. tcp://localhost:1883", null);
    public static final Setting<String> MQTT_USERNAME =
            Setting.string("mycity.mqtt.username", "MQTT user name; unset for anonymous", null);
    public static final Setting<String> MQTT_PASSWORD = Setting.secret("mycity.mqtt.password", "MQTT password");
    public static final Setting<String> JDBC_URL = Setting.string(
            "mycity.jdbc.url", "PostgreSQL the readings are stored in, e.g. jdbc:postgresql://localhost/mycity", null);
    public static final Setting<String> DB_USER = Setting.string("mycity.db.user", "database user", null);
    public static final Setting<String> DB_PASSWORD = Setting.secret("mycity.db.password", "database password");
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
            BATCH_SIZE);

    private StreamSettings() {}
}
