package city.mycity.bench.services;

import city.mycity.bench.BrokerChoice;
import city.mycity.bench.cpu.ListeningProcess;
import city.mycity.bench.exception.BenchException;
import city.mycity.embedded.EmbeddedBroker;
import city.mycity.embedded.EmbeddedDatabase;
import city.mycity.settings.MqttSettings;
import city.mycity.settings.Settings;
import city.mycity.storage.Database;
import city.mycity.storage.DatabaseSettings;
import com.hivemq.embedded.EmbeddedHiveMQ;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker and database of a bench run, as the demo finds them: embedded unless {@code MYCITY_MQTT_URL} / {@code
 * MYCITY_JDBC_URL} name real ones (with {@code MYCITY_MQTT_USERNAME}, {@code MYCITY_DB_USER} and their passwords).
 * The database is always the bench's own: embedded, or created for the run on the named server and dropped after it,
 * since the bench empties its tables between stages. Migrated on start. {@link #close()} stops what was started.
 */
public final class BenchServices implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(BenchServices.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, Long> processes = new LinkedHashMap<>();
    private BrokerEndpoint broker;
    private DatabaseEndpoint database;
    private Database pool;

    private BenchServices() {}

    /** Starts (or finds) the broker and the database; on failure, stops what had started. */
    public static BenchServices start(BrokerChoice choice, Settings settings) {
        BenchServices services = new BenchServices();
        try {
            services.broker = services.startBroker(choice, settings);
            services.database = services.startDatabase(settings);
            services.pool = services.add(Database.open(services.database.settings()));
            return services;
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    public BrokerEndpoint broker() {
        return broker;
    }

    public DatabaseEndpoint database() {
        return database;
    }

    /** A pooled data source of the bench's database, migrated. */
    public DataSource dataSource() {
        return pool.dataSource();
    }

    /** Processes other than this JVM whose CPU the bench reports (PostgreSQL, a broker of its own), by name. */
    public Map<String, Long> processes() {
        return Map.copyOf(processes);
    }

    private BrokerEndpoint startBroker(BrokerChoice choice, Settings settings) {
        if (settings.isSet(MqttSettings.URL)) {
            String url = settings.get(MqttSettings.URL);
            localPid(Urls.localMqttPort(url)).ifPresent(pid -> processes.put("broker", pid));
            return new BrokerEndpoint(
                    url,
                    settings.find(MqttSettings.USERNAME).orElse(null),
                    settings.find(MqttSettings.PASSWORD).orElse(null),
                    BrokerEndpoint.Kind.EXTERNAL,
                    "MQTT broker at " + Settings.redact(url) + " (MYCITY_MQTT_URL)");
        }
        if (choice == BrokerChoice.MOSQUITTO) {
            MosquittoBroker mosquitto = add(MosquittoBroker.start());
            processes.put("Mosquitto", mosquitto.pid());
            return new BrokerEndpoint(
                    mosquitto.url(),
                    null,
                    null,
                    BrokerEndpoint.Kind.MOSQUITTO,
                    mosquitto.version() + ", the bench's own process on " + mosquitto.url()
                            + " (max_inflight_messages 0)");
        }
        EmbeddedBroker embedded = add(EmbeddedBroker.builder().start());
        String version = EmbeddedHiveMQ.class.getPackage().getImplementationVersion();
        return new BrokerEndpoint(
                embedded.url(),
                embedded.username(),
                embedded.password(),
                BrokerEndpoint.Kind.EMBEDDED_HIVEMQ,
                "HiveMQ CE " + (version == null ? "" : version + " ") + "embedded in the bench JVM");
    }

    private DatabaseEndpoint startDatabase(Settings settings) {
        if (settings.isSet(DatabaseSettings.JDBC_URL)) {
            return scratchDatabase(DatabaseSettings.from(settings));
        }
        EmbeddedDatabase embedded = add(EmbeddedDatabase.builder().start());
        localPid(OptionalInt.of(embedded.port())).ifPresent(pid -> processes.put("PostgreSQL", pid));
        String version = serverVersion(DatabaseSettings.of(embedded.jdbcUrl(), embedded.user(), embedded.password()));
        return new DatabaseEndpoint(
                embedded.jdbcUrl(),
                embedded.user(),
                embedded.password(),
                "PostgreSQL " + version + " embedded (zonky), no fsync");
    }

    /** A database of the bench's own on the server the settings name, dropped on close. */
    private DatabaseEndpoint scratchDatabase(DatabaseSettings server) {
        String name =
                "mycity_bench_" + Long.toHexString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 44));
        try (Connection c = server.open("mycity-bench");
                Statement statement = c.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new BenchException(
                    "The bench needs a database of its own and could not create one on "
                            + Settings.redact(server.jdbcUrl()) + " ("
                            + e.getMessage().strip() + "). Grant CREATEDB"
                            + " to " + server.user() + ", or unset MYCITY_JDBC_URL to use the embedded PostgreSQL.",
                    e);
        }
        add(() -> dropDatabase(server, name));
        localPid(Urls.localJdbcPort(server.jdbcUrl())).ifPresent(pid -> processes.put("PostgreSQL", pid));
        DatabaseSettings scratch =
                DatabaseSettings.of(Urls.withDatabase(server.jdbcUrl(), name), server.user(), server.password());
        return new DatabaseEndpoint(
                scratch.jdbcUrl(),
                scratch.user(),
                scratch.password(),
                "PostgreSQL " + serverVersion(scratch) + " at " + Settings.redact(server.jdbcUrl())
                        + " (MYCITY_JDBC_URL), in database " + name + " made for the run");
    }

    private static void dropDatabase(DatabaseSettings server, String name) {
        try (Connection c = server.open("mycity-bench");
                Statement statement = c.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            LOGGER.warn("Could not drop the bench's database {}: drop it by hand ({})", name, e.getMessage());
        }
    }

    private static String serverVersion(DatabaseSettings settings) {
        try (Connection c = settings.open("mycity-bench");
                Statement statement = c.createStatement();
                ResultSet rows = statement.executeQuery("SHOW server_version")) {
            rows.next();
            return rows.getString(1).split(" ")[0];
        } catch (SQLException e) {
            throw new BenchException(
                    "Could not reach PostgreSQL at " + Settings.redact(settings.jdbcUrl()) + ": " + e.getMessage(), e);
        }
    }

    private static OptionalLong localPid(OptionalInt port) {
        return port.isPresent() ? ListeningProcess.of(port.getAsInt()) : OptionalLong.empty();
    }

    private <T extends AutoCloseable> T add(T closeable) {
        started.push(closeable);
        return closeable;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                LOGGER.warn("Could not stop a bench service cleanly: {}", e.toString());
            }
        }
    }
}
