package city.mycity.storage;

import city.mycity.settings.Setting;
import city.mycity.settings.Settings;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Where the platform's PostgreSQL is and how to log in: the declared {@link Setting}s and their values. Serializable,
 * so a Flink operator can carry it and open its own connection in {@code open()}.
 *
 * @param password the password, or {@code null} when the server needs none (never printed)
 * @param poolSize the connection pool's maximum size
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int poolSize) implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final Setting<String> JDBC_URL = Setting.string(
            "mycity.jdbc.url",
            "JDBC URL of the platform's PostgreSQL, e.g. jdbc:postgresql://127.0.0.1:5432/mycity; unset: the demo"
                    + " starts an embedded PostgreSQL",
            null);
    public static final Setting<String> USER =
            Setting.string("mycity.db.user", "database user; unset: the JDBC driver's default", null);
    public static final Setting<String> PASSWORD = Setting.secret("mycity.db.password", "database password");
    public static final Setting<Integer> POOL_SIZE = Setting.integer(
            "mycity.db.pool-size", "maximum connections in a component's connection pool", 8, "connections");

    /** Every database setting, for {@link Settings#describe(List)} and the docs. */
    public static final List<Setting<?>> ALL = List.of(JDBC_URL, USER, PASSWORD, POOL_SIZE);

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "JDBC URL must not be null.");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("JDBC URL must start with jdbc:postgresql: ("
                    + JDBC_URL.environmentVariable() + "), was " + jdbcUrl);
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("Database pool size must be at least 1, was " + poolSize + ".");
        }
    }

    /** The values of the settings; {@code mycity.jdbc.url} is required. */
    public static DatabaseSettings from(Settings settings) {
        return new DatabaseSettings(
                settings.get(JDBC_URL),
                settings.find(USER).orElse(null),
                settings.find(PASSWORD).orElse(null),
                settings.get(POOL_SIZE));
    }

    /** Settings for a server given in code, with the default pool size. */
    public static DatabaseSettings of(String jdbcUrl, String user, String password) {
        return new DatabaseSettings(jdbcUrl, user, password, POOL_SIZE.defaultValue());
    }

    /** These settings with another pool size. */
    public DatabaseSettings withPoolSize(int size) {
        return new DatabaseSettings(jdbcUrl, user, password, size);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + Settings.redact(jdbcUrl) + ", user " + user + ", password "
                + (password == null ? "(none)" : "*****") + ", pool " + poolSize + "]";
    }
}
