package city.mycity.chaos;

import city.mycity.chaos.cluster.FlinkCluster;
import city.mycity.chaos.cluster.JobProgress;
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
import city.mycity.stream.alerts.AlertingJob;
import city.mycity.stream.alerts.Domain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;

/**
 * The platform on real parts, each in its own process so that it can fail: Mosquitto (persistence on), PostgreSQL
 * (durable), and the job jar on a standalone Flink cluster (a JobManager and a TaskManager) running the readings job
 * and, when asked, the analytics jobs, one per {@link Domain}. Each {@link Scenario} is one method; the store is read
 * with plain SQL.
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
    private final List<ClusterJob> jobs = new ArrayList<>();
    private EdgeGateway edge;

    /** A job of the platform on the cluster: what it runs, with what, and its id since it was last submitted. */
    private static final class ClusterJob {
        private final String name;
        private final String entryClass;
        private final List<String> arguments;
        private JobID id;

        ClusterJob(String name, String entryClass, List<String> arguments) {
            this.name = name;
            this.entryClass = entryClass;
            this.arguments = arguments;
        }
    }

    /** How long the broker stays down in {@link Scenario#BROKER_STOP}. */
    static final Duration BROKER_DOWN = Duration.ofSeconds(60);
    /** How long the uplink stays cut in {@link Scenario#UPLINK_CUT}. */
    static final Duration UPLINK_DOWN = Duration.ofMinutes(2);

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

    /**
     * Starts every part, migrates the store and registers the city; the jobs are started by {@link #startReadingsJob}
     * and {@link #startAnalyticsJobs}. The TaskManager has {@code slots}: the readings job takes 2, each analytics job
     * 1.
     */
    static ChaosPlatform start(Path folder, CityModel city, int slots) throws IOException {
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
                    .slots(slots)
                    .taskManagerMemory(slots > 2 ? "2048m" : "1536m")
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

    /** Submits the readings job (parallelism 2) with the platform's settings and waits until it runs. */
    void startReadingsJob() throws Exception {
        List<String> arguments = arguments();
        argument(arguments, StreamSettings.PARALLELISM, "2");
        start(new ClusterJob("readings", null, arguments));
    }

    /**
     * Submits one analytics job per domain (parallelism 1) with the platform's settings, the city's time zone and the
     * watermark lag it needs, and waits until they run.
     */
    void startAnalyticsJobs(ZoneId zone, Duration outOfOrderness) throws Exception {
        for (Domain domain : Domain.values()) {
            List<String> arguments = arguments();
            argument(arguments, StreamSettings.PARALLELISM, "1");
            argument(arguments, StreamSettings.DOMAIN, domain.code());
            argument(arguments, StreamSettings.TIME_ZONE, zone.getId());
            argument(arguments, StreamSettings.OUT_OF_ORDERNESS, outOfOrderness.toSeconds() + "s");
            start(new ClusterJob(domain.code(), AlertingJob.class.getName(), arguments));
        }
    }

    private void start(ClusterJob job) throws Exception {
        jobs.add(job);
        submit(job, null);
    }

    /** Submits the job, from a savepoint when one is given, and waits until it runs. */
    private void submit(ClusterJob job, String savepoint) throws Exception {
        job.id = flink.submit(jobJar, job.entryClass, savepoint, job.arguments.toArray(String[]::new));
        flink.awaitStatus(job.id, JobStatus.RUNNING);
    }

    /** The id of the job of this name ({@code readings}, or a domain's code) as it now runs. */
    JobID job(String name) {
        return jobs.stream()
                .filter(j -> j.name.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No job " + name + " was started."))
                .id;
    }

    /** The names of the jobs started, in order. */
    List<String> jobNames() {
        return jobs.stream().map(j -> j.name).toList();
    }

    JobProgress progress() {
        return flink.progress();
    }

    private List<String> arguments() {
        List<String> arguments = new ArrayList<>();
        argument(arguments, StreamSettings.MQTT_URL, broker.url());
        argument(arguments, StreamSettings.MQTT_USERNAME, broker.username());
        argument(arguments, StreamSettings.MQTT_PASSWORD, broker.password());
        argument(arguments, StreamSettings.JDBC_URL, database.jdbcUrl());
        argument(arguments, StreamSettings.DB_USER, database.user());
        argument(arguments, StreamSettings.GROUP, "chaos");
        argument(arguments, StreamSettings.CHECKPOINT_INTERVAL, "1s");
        argument(arguments, MetricsSettings.PORT, "-1");
        return arguments;
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
                for (ClusterJob job : jobs) {
                    String savepoint = flink.stopWithSavepoint(job.id, folder.resolve("savepoints"));
                    submit(job, savepoint);
                }
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

    /** RUNNING when every job runs; otherwise the status of the first that does not. */
    JobStatus jobStatus() throws Exception {
        for (ClusterJob job : jobs) {
            JobStatus status = flink.status(job.id);
            if (status != JobStatus.RUNNING) {
                return status;
            }
        }
        return JobStatus.RUNNING;
    }

    /** A tenant's alerts, each as "device problem", in order. */
    List<String> alerts(String tenant) throws SQLException {
        try (Connection c = pool.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT subject || ' ' || problem FROM alert WHERE tenant_id = ? ORDER BY 1")) {
            ps.setString(1, tenant);
            List<String> alerts = new ArrayList<>();
            try (ResultSet rows = ps.executeQuery()) {
                while (rows.next()) {
                    alerts.add(rows.getString(1));
                }
            }
            return alerts;
        }
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
        for (ClusterJob job : jobs) {
            try {
                if (job.id != null && !flink.status(job.id).isGloballyTerminalState()) {
                    flink.cancel(job.id);
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
