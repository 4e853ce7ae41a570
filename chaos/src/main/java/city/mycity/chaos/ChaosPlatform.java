package city.mycity.chaos;

import city.mycity.chaos.cluster.FlinkCluster;
import city.mycity.citymodel.CityModel;
import city.mycity.codec.DeviceProfiles;
import city.mycity.embedded.EmbeddedDatabase;
import city.mycity.embedded.MosquittoProcess;
import city.mycity.gateway.registry.CityRegistration;
import city.mycity.metrics.MetricsSettings;
import city.mycity.settings.Setting;
import city.mycity.storage.Database;
import city.mycity.storage.DatabaseSettings;
import city.mycity.stream.StreamSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;

/**
 * The platform on real parts, each in its own process so that it can fail: Mosquitto (persistence on), PostgreSQL
 * (durable), and the readings job's jar on a standalone Flink cluster (a JobManager and a TaskManager). Each {@link
 * Scenario} is one method; the store is read with plain SQL.
 */
final class ChaosPlatform implements AutoCloseable {

    /** The job jar the stream-jobs build makes; a system property names another. */
    static final String JOB_JAR_PROPERTY = "mycity.stream.job-jar";

    private final Path folder;
    private final MosquittoProcess broker;
    private final EmbeddedDatabase database;
    private final Database pool;
    private final FlinkCluster flink;
    private final Path jobJar;
    private JobID job;
    private EdgeGateway edge;

    /** How long the broker stays down in {@link Scenario#BROKER_STOP}. */
    static final java.time.Duration BROKER_DOWN = java.time.Duration.ofSeconds(60);
    /** How long the uplink stays cut in {@link Scenario#UPLINK_CUT}. */
    static final java.time.Duration UPLINK_DOWN = java.time.Duration.ofMinutes(2);

    private ChaosPlatform(
            Path folder,
            MosquittoProcess broker,
            EmbeddedDatabase database,
            Database pool,
            FlinkCluster flink,
            Path jobJar) {
        this.folder = folder;
        this.broker = broker;
        this.database = database;
        this.pool = pool;
        this.flink = flink;
        this.jobJar = jobJar;
    }

    /** Starts every part, migrates the store and registers the city; the job is started by {@link #startJob}. */
    static ChaosPlatform start(Path folder, CityModel city) throws IOException {
        Files.createDirectories(folder);
        Path jobJar = jobJar();
        if (!MosquittoProcess.available()) {
            throw new IllegalStateException("Chaos runs need Mosquitto: apt-get install mosquitto");
        }
        MosquittoProcess broker = null;
        EmbeddedDatabase database = null;
        Database pool = null;
        try {
            broker = MosquittoProcess.start(folder);
            database = EmbeddedDatabase.builder()
                    .durable(true)
                    .parentFolder(folder)
                    .start();
            pool = Database.open(DatabaseSettings.of(database.jdbcUrl(), database.user(), database.password())
                    .withPoolSize(2));
            CityRegistration.on(pool.dataSource()).register(city);
            FlinkCluster flink = FlinkCluster.builder()
                    .slots(2)
                    .directory(folder.resolve("flink"))
                    .set("heartbeat.timeout", "10000")
                    .set("heartbeat.interval", "2000")
                    .start();
            return new ChaosPlatform(folder, broker, database, pool, flink, jobJar);
        } catch (RuntimeException | IOException e) {
            closeQuietly(pool);
            closeQuietly(database);
            closeQuietly(broker);
            throw e;
        }
    }

    private static Path jobJar() throws IOException {
        String given = System.getProperty(JOB_JAR_PROPERTY);
        if (given != null) {
            return Path.of(given);
        }
        for (Path target : List.of(Path.of("stream-jobs", "target"), Path.of("..", "stream-jobs", "target"))) {
            if (Files.isDirectory(target)) {
                try (Stream<Path> files = Files.list(target)) {
                    List<Path> jars = files.filter(
                                    f -> f.getFileName().toString().endsWith("-job.jar"))
                            .toList();
                    if (!jars.isEmpty()) {
                        return jars.get(0);
                    }
                }
            }
        }
        throw new IllegalStateException("No job jar in stream-jobs/target: build it first (mvn -pl stream-jobs -am"
                + " package -DskipTests), or name it with -D" + JOB_JAR_PROPERTY + "=FILE");
    }

    String brokerUrl() {
        return broker.url();
    }

    String brokerUser() {
        return broker.username();
    }

    String brokerPassword() {
        return broker.password();
    }

    /** Starts the edge agent of one gateway, for the sensors behind it, its uplink to this platform's broker. */
    /** Starts the edge agent of one gateway for the sensors that have these profiles: their codecs and keys. */
    EdgeGateway startEdge(String tenant, String gateway, DeviceProfiles profiles) throws IOException {
        edge = EdgeGateway.start(
                folder.resolve("edge-" + gateway),
                tenant,
                gateway,
                profiles,
                broker.url(),
                broker.username(),
                broker.password());
        return edge;
    }

    /** Submits the job jar with the platform's settings, from a savepoint when one is given, and waits until RUNNING. */
    void startJob(String savepoint) throws Exception {
        job = flink.submit(jobJar, savepoint, arguments());
        flink.awaitStatus(job, JobStatus.RUNNING);
    }

    private String[] arguments() {
        List<String> arguments = new ArrayList<>();
        argument(arguments, StreamSettings.MQTT_URL, broker.url());
        argument(arguments, StreamSettings.MQTT_USERNAME, broker.username());
        argument(arguments, StreamSettings.MQTT_PASSWORD, broker.password());
        argument(arguments, StreamSettings.JDBC_URL, database.jdbcUrl());
        argument(arguments, StreamSettings.DB_USER, database.user());
        argument(arguments, StreamSettings.GROUP, "chaos");
        argument(arguments, StreamSettings.CHECKPOINT_INTERVAL, "1s");
        argument(arguments, StreamSettings.PARALLELISM, "2");
        argument(arguments, MetricsSettings.PORT, "-1");
        return arguments.toArray(String[]::new);
    }

    private static void argument(List<String> arguments, Setting<?> setting, String value) {
        arguments.add("--" + setting.key() + "=" + value);
    }

    /** Injects the fault and returns once it is over (the part is back, though the pipeline may still catch up). */
    void inject(Scenario scenario) throws Exception {
        switch (scenario) {
            case BROKER_RESTART -> broker.restart();
            case DATABASE_RESTART -> database.restart();
            case TASKMANAGER_KILL -> {
                flink.killTaskManager();
                flink.startTaskManager();
            }
            case SAVEPOINT_RESUME -> {
                String savepoint = flink.stopWithSavepoint(job, folder.resolve("savepoints"));
                startJob(savepoint);
            }
            case EDGE_KILL -> edge().killAndRestart();
            case BROKER_STOP -> {
                broker.stop();
                Thread.sleep(BROKER_DOWN.toMillis()); // The outage lasts its time.
                broker.resume();
            }
            case UPLINK_CUT -> {
                edge().cutUplink();
                Thread.sleep(UPLINK_DOWN.toMillis()); // The outage lasts its time.
                edge().restoreUplink();
            }
        }
    }

    private EdgeGateway edge() {
        if (edge == null) {
            throw new IllegalStateException("An edge scenario needs the edge agent: start it first (startEdge).");
        }
        return edge;
    }

    JobStatus jobStatus() throws Exception {
        return flink.status(job);
    }

    /** Rows in {@code reading}. */
    long storedReadings() throws SQLException {
        try (Connection c = pool.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM reading");
                ResultSet rows = ps.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** What the store holds per device ({@code tenant/device}), as the ledger tallies it. */
    Map<String, city.mycity.simulator.DeviceTally> tallies() throws SQLException {
        Map<String, city.mycity.simulator.DeviceTally> tallies = new TreeMap<>();
        try (Connection c = pool.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT tenant_id || '/' || device_id, count(*),"
                        + " sum((extract(epoch FROM time) * 1000)::bigint), sum(round(value * 1000)::bigint)"
                        + " FROM reading GROUP BY tenant_id, device_id");
                ResultSet rows = ps.executeQuery()) {
            while (rows.next()) {
                tallies.put(
                        rows.getString(1),
                        new city.mycity.simulator.DeviceTally(rows.getLong(2), rows.getLong(3), rows.getLong(4)));
            }
        }
        return tallies;
    }

    Path logFolder() {
        return flink.logDirectory();
    }

    @Override
    public void close() {
        if (job != null) {
            try {
                if (!flink.status(job).isGloballyTerminalState()) {
                    flink.cancel(job);
                }
            } catch (Exception e) {
                // Closing the cluster below stops the job anyway.
            }
        }
        closeQuietly(edge);
        closeQuietly(flink);
        closeQuietly(pool);
        closeQuietly(database);
        closeQuietly(broker);
    }

    private static void closeQuietly(AutoCloseable part) {
        if (part == null) {
            return;
        }
        try {
            part.close();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
