package city.mycity.storage;

import city.mycity.settings.Setting;
import city.mycity.settings.Settings;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * Where the platform's PostgreSQL is and how to log in: the declared {@link Setting}s and their values. Serializable,
 * so a Flink operator can carry it and open its own connection in {@code open()}.
 *
 * @param password the password, or {@code null} when the server needs none (never printed)
 * @param poolSize the connection pool's maximum size
 * @param connectTimeout how long opening a connection may take
 * @param socketTimeout how long a connection waits for the server's answer before it is taken for lost
 */
public record DatabaseSettings(
        String jdbcUrl, String user, String password, int poolSize, Duration connectTimeout, Duration socketTimeout)
        implements Serializable {

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

    public static final Setting<Duration> CONNECT_TIMEOUT = Setting.duration(
            "mycity.db.connect-timeout",
            "how long opening a database connection (and logging in) may take before it fails",
            Duration.ofSeconds(10));
    public static final Setting<Duration> SOCKET_TIMEOUT = Setting.duration(
            "mycity.db.socket-timeout",
            "how long a connection waits for the server's answer before it is taken for lost: above the slowest"
                    + " statement, so that a dead server never hangs a writer",
            Duration.ofSeconds(60));

    /** Every database setting, for {@link Settings#describe(List)} and the docs. */
    public static final List<Setting<?>> ALL =
            List.of(JDBC_URL, USER, PASSWORD, POOL_SIZE, CONNECT_TIMEOUT, SOCKET_TIMEOUT);

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "JDBC URL must not be null.");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("JDBC URL must start with jdbc:postgresql: ("
                    + JDBC_URL.environmentVariable() + "), was " + jdbcUrl);
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("Database pool size must be at least 1, was " + poolSize + ".");
        }
        checkTimeout("connect", connectTimeout);
        checkTimeout("socket", socketTimeout);
    }

    private static void checkTimeout(String name, Duration timeout) {
        if (timeout == null || timeout.toSeconds() < 1) {
            throw new IllegalArgumentException("Database " + name
                    + " timeout must be at least 1 s (the driver counts whole seconds), was " + timeout + ".");
        }
    }

    /** The values of the settings; {@code mycity.jdbc.url} is required. */
    public static DatabaseSettings from(Settings settings) {
        return new DatabaseSettings(
                settings.get(JDBC_URL),
                settings.find(USER).orElse(null),
                settings.find(PASSWORD).orElse(null),
                settings.get(POOL_SIZE),
                settings.get(CONNECT_TIMEOUT),
                settings.get(SOCKET_TIMEOUT));
    }

    /** Settings for a server given in code, with the default pool size. */
    public static DatabaseSettings of(String jdbcUrl, String user, String password) {
        return new DatabaseSettings(
                jdbcUrl,
                user,
                password,
                POOL_SIZE.defaultValue(),
                CONNECT_TIMEOUT.defaultValue(),
                SOCKET_TIMEOUT.defaultValue());
    }

    /** These settings with another pool size. */
    public DatabaseSettings withPoolSize(int size) {
        return new DatabaseSettings(jdbcUrl, user, password, size, connectTimeout, socketTimeout);
    }

    /** These settings with other connect and socket timeouts. */
    public DatabaseSettings withTimeouts(Duration connect, Duration socket) {
        return new DatabaseSettings(jdbcUrl, user, password, poolSize, connect, socket);
    }

    /**
     * What every connection of the platform is opened with: the account, the timeouts (connect, login and socket, so
     * that neither a server that does not answer nor a lost network hangs a thread for ever), TCP keep-alive and the
     * application's name as the server shows it in {@code pg_stat_activity}.
     */
    public Properties connectionProperties(String applicationName) {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", Long.toString(connectTimeout.toSeconds()));
        properties.setProperty("loginTimeout", Long.toString(connectTimeout.toSeconds()));
        properties.setProperty("socketTimeout", Long.toString(socketTimeout.toSeconds()));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", applicationName);
        return properties;
    }

    /** A new connection with {@link #connectionProperties}. */
    public Connection open(String applicationName) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, connectionProperties(applicationName));
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + Settings.redact(jdbcUrl) + ", user " + user + ", password "
                + (password == null ? "(none)" : "*****") + ", pool " + poolSize + ", connect timeout "
                + connectTimeout + ", socket timeout " + socketTimeout + "]";
    }
}
