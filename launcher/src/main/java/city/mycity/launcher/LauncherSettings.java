package city.mycity.launcher;

import city.mycity.settings.Setting;
import java.util.List;

/** The settings of {@code mycity demo}; each embedded part is replaced by setting its URL. */
public final class LauncherSettings {

    public static final Setting<String> MQTT_URL = Setting.string(
            "mycity.mqtt.url", "MQTT v5 broker, e.g. tcp://broker:1883; unset: an embedded HiveMQ CE broker", null);
    public static final Setting<String> MQTT_USERNAME =
            Setting.string("mycity.mqtt.username", "MQTT user name; unset: generated for the embedded broker", null);
    public static final Setting<String> MQTT_PASSWORD = Setting.secret("mycity.mqtt.password", "MQTT password");
    public static final Setting<String> JDBC_URL = Setting.string(
            "mycity.jdbc.url", "PostgreSQL JDBC URL; unset: an embedded PostgreSQL on a free port", null);
    public static final Setting<String> DB_USER = Setting.string("mycity.db.user", "database user", null);
    public static final Setting<String> DB_PASSWORD = Setting.secret("mycity.db.password", "database password");
    public static final Setting<Integer> HTTP_PORT = Setting.integer(
            "mycity.http.port", "port of the API and dashboard; a free port is used when it is taken", 8080, null);
    public static final Setting<Integer> COAP_PORT = Setting.integer(
            "mycity.coap.port", "UDP port where the edge agent listens; a free port is used when taken", 5683, null);

    public static final List<Setting<?>> ALL =
            List.of(MQTT_URL, MQTT_USERNAME, MQTT_PASSWORD, JDBC_URL, DB_USER, DB_PASSWORD, HTTP_PORT, COAP_PORT);

    private LauncherSettings() {}
}
