package city.mycity.chaos.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.mycity.metrics.MetricsSettings;
import city.mycity.reading.DeviceAddress;
import city.mycity.reading.SenmlCodec;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.SenmlRecord;
import city.mycity.reading.UplinkTopic;
import city.mycity.settings.Setting;
import city.mycity.stream.StreamSettings;
import city.mycity.testkit.TestBroker;
import city.mycity.testkit.TestDatabase;
import city.mycity.testkit.TestPublisher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The job jar on a real Flink cluster: a JobManager and a TaskManager in their own JVMs ({@link FlinkCluster}), the
 * jar built by {@code package} submitted over REST with its settings as program arguments, and readings published to
 * the test broker stored in the test database, each once.
 */
class ReadingsJobClusterIT {

    /** Set by failsafe (see the POM): the job jar under test, {@code target/stream-jobs-<version>-job.jar}. */
    static final String JOB_JAR = "mycity.stream.job-jar";

    private static final String GATEWAY = "gw-1";
    private static final String PROBE_DEVICE = "probe-0";
    private static final List<String> DEVICES = List.of("bin-1", "bin-2", "bin-3");
    private static final int READINGS_PER_DEVICE = 20;
    private static final int REPEATED_PER_DEVICE = 5;

    private static TestDatabase db;
    private static TestBroker broker;
    private static FlinkCluster flink;
    private String tenant;

    @BeforeAll
    static void start() {
        db = TestDatabase.create().migrated();
        broker = TestBroker.create();
        flink = FlinkCluster.builder().slots(2).start();
    }

    @AfterAll
    static void stop() {
        if (flink != null) {
            flink.close();
        }
        broker.close();
        db.close();
    }

    @Test
    void the_job_jar_submitted_over_rest_stores_every_reading_once() throws Exception {
        tenant = broker.tenant();
        sql("INSERT INTO tenant (id, name) VALUES (?, ?)", tenant, tenant);
        for (String device : DEVICES) {
            sql(
                    "INSERT INTO device (tenant_id, id, gateway_id, kind, zone_id, latitude, longitude)"
                            + " VALUES (?, ?, ?, 'bin', 'z-1', 50.0, 4.0)",
                    tenant,
                    device,
                    GATEWAY);
        }
        TestPublisher publisher = broker.publisher();

        JobID job = flink.submit(jobJar(), arguments());
        try {
            flink.awaitStatus(job, JobStatus.RUNNING);
            awaitPipelineLive(publisher);

            Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
            for (String device : DEVICES) {
                for (int i = 0; i < READINGS_PER_DEVICE; i++) {
                    publisher.publish(topic(device), fill(device, i, start.plusSeconds(i)));
                }
                for (int i = 0; i < REPEATED_PER_DEVICE; i++) {
                    publisher.publish(topic(device), fill(device, i, start.plusSeconds(i)));
                }
            }

            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        assertThat(count("SELECT count(*) FROM reading WHERE tenant_id = ?"))
                                .as("reading rows")
                                .isEqualTo(DEVICES.size() * READINGS_PER_DEVICE);
                        assertThat(count("SELECT count(*) FROM sensor_state WHERE tenant_id = ? AND value = "
                                        + (READINGS_PER_DEVICE - 1)))
                                .as("sensor states at their newest reading")
                                .isEqualTo(DEVICES.size());
                    });
            assertThat(count("SELECT count(*) FROM refusal WHERE tenant_id = ? AND device_id IS DISTINCT FROM '"
                            + PROBE_DEVICE + "'"))
                    .as("refusals other than the probe's")
                    .isZero();
            assertThat(flink.status(job)).isEqualTo(JobStatus.RUNNING);
        } finally {
            flink.cancel(job);
        }
    }

    /** The job's settings, as an operator passes them to {@code flink run}. */
    private static String[] arguments() {
        List<String> arguments = new ArrayList<>();
        argument(arguments, StreamSettings.MQTT_URL, broker.url());
        argument(arguments, StreamSettings.MQTT_USERNAME, broker.username());
        argument(arguments, StreamSettings.MQTT_PASSWORD, broker.password());
        argument(arguments, StreamSettings.JDBC_URL, db.jdbcUrl());
        argument(arguments, StreamSettings.DB_USER, db.user());
        argument(arguments, StreamSettings.DB_PASSWORD, db.password());
        argument(arguments, StreamSettings.GROUP, broker.clientId("cluster"));
        argument(arguments, StreamSettings.CHECKPOINT_INTERVAL, "200ms");
        argument(arguments, StreamSettings.PARALLELISM, "2");
        argument(arguments, MetricsSettings.PORT, "-1");
        return arguments.toArray(String[]::new);
    }

    private static void argument(List<String> arguments, Setting<?> setting, String value) {
        if (value != null) {
            arguments.add("--" + setting.key() + "=" + value);
        }
    }

    private static Path jobJar() throws IOException {
        String configured = System.getProperty(JOB_JAR);
        Path jar;
        if (configured != null) {
            jar = Path.of(configured);
        } else {
            try (Stream<Path> files = Files.list(Path.of("target"))) {
                jar = files.filter(f -> f.getFileName().toString().endsWith("-job.jar"))
                        .findFirst()
                        .orElse(Path.of("target", "stream-jobs-<version>-job.jar"));
            }
        }
        assertThat(jar)
                .as("the job jar (built by mvn package; run this test with mvn verify)")
                .isRegularFile();
        return jar;
    }

    /** Sends a message of an unknown device until its refusal is stored: the job is subscribed and writing. */
    private void awaitPipelineLive(TestPublisher publisher) {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    publisher.publish(topic(PROBE_DEVICE), "[{\"n\":\"probe\"}]");
                    return count("SELECT count(*) FROM refusal WHERE tenant_id = ? AND device_id = '" + PROBE_DEVICE
                                    + "'")
                            > 0;
                });
    }

    private String topic(String device) {
        return UplinkTopic.of(new DeviceAddress(tenant, GATEWAY, device));
    }

    private String fill(String device, double percent, Instant time) {
        byte[] payload = SenmlCodec.json()
                .encode(SenmlPack.of(
                        tenant,
                        device,
                        time,
                        time.getEpochSecond(),
                        List.of(SenmlRecord.measurement("fill", percent, "%"))));
        return new String(payload, StandardCharsets.UTF_8);
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, tenant);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void sql(String sql, String... parameters) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
