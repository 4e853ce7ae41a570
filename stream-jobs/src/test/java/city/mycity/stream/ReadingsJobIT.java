package city.mycity.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.mycity.gateway.refusals.RefusalFilter;
import city.mycity.gateway.refusals.RefusalReplay;
import city.mycity.gateway.refusals.RefusalStore;
import city.mycity.gateway.refusals.mqtt.MqttMessagePublisher;
import city.mycity.reading.DeviceAddress;
import city.mycity.reading.ReadingMetrics;
import city.mycity.reading.SenmlCodec;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.SenmlRecord;
import city.mycity.reading.UplinkTopic;
import city.mycity.settings.Settings;
import city.mycity.stream.ingest.RegistryHold;
import city.mycity.stream.mqtt.MqttSource;
import city.mycity.stream.registry.JdbcDeviceRegistry;
import city.mycity.stream.registry.RegistryRefresh;
import city.mycity.stream.sink.JdbcConnector;
import city.mycity.testkit.TestBroker;
import city.mycity.testkit.TestDatabase;
import city.mycity.testkit.TestPublisher;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The readings job on a MiniCluster against a real broker and database, with one tenant of a few devices registered
 * in SQL: how the running job copes with what the big {@link ReadingsPipelineIT} does not send.
 */
class ReadingsJobIT {

    private static final String GATEWAY = "gw-1";
    private static final String PROBE_DEVICE = "probe-0";

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(1)
            .build());

    private static TestDatabase db;
    private static TestBroker broker;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private String tenant;
    private TestPublisher publisher;
    private JobClient job;

    @BeforeAll
    static void start() {
        db = TestDatabase.create().migrated();
        broker = TestBroker.create();
    }

    @AfterAll
    static void stop() {
        broker.close();
        db.close();
    }

    @BeforeEach
    void startJob() throws Exception {
        Metrics.addRegistry(meters);
        tenant = broker.tenant();
        publisher = broker.publisher();
        sql("INSERT INTO tenant (id, name) VALUES (?, ?)", tenant, tenant);
        register("bin-1");
        JdbcConnector database = new JdbcConnector(db.jdbcUrl(), db.user(), db.password());
        MqttSource source = MqttSource.builder(broker.url())
                .username(broker.username())
                .password(broker.password())
                .group(broker.clientId("stream"))
                .topicFilters(UplinkTopic.ofTenant(tenant))
                .connections(1)
                .build();
        Settings settings = Settings.of(Map.of(StreamSettings.CHECKPOINT_INTERVAL.key(), "200ms"));
        job = ReadingsJob.builder(source, new JdbcDeviceRegistry(database), Sinks.jdbc(database, 100))
                .refresh(new RegistryRefresh(Duration.ofMinutes(10), Duration.ofSeconds(1)))
                .hold(new RegistryHold(Duration.ofSeconds(5), Duration.ofSeconds(1), 1000))
                .build()
                .start(ReadingsJob.configure(StreamExecutionEnvironment.getExecutionEnvironment(), settings));
        awaitPipelineLive();
    }

    @AfterEach
    void stopJob() throws Exception {
        job.cancel().get();
        Metrics.removeRegistry(meters);
    }

    @Test
    void a_record_named_with_a_nul_is_refused_and_the_job_keeps_running() throws Exception {
        Instant time = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        String poison = "[{\"bn\":\"" + SenmlPack.baseNameOf(tenant, "bin-1") + "\",\"bt\":" + time.getEpochSecond()
                + ",\"n\":\"fill\\u0000\",\"u\":\"%\",\"v\":1}]";
        publisher.publish(topic("bin-1"), poison);
        publisher.publish(topic("bin-1"), fill("bin-1", 42, time));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(count("SELECT count(*) FROM reading WHERE tenant_id = ? AND device_id = 'bin-1'"))
                    .isEqualTo(1);
            assertThat(count("SELECT count(*) FROM refusal WHERE tenant_id = ? AND quantity = 'fill'"))
                    .isEqualTo(1);
        });
        publisher.publish(topic("bin-1"), fill("bin-1", 43, time.plusSeconds(1)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) FROM reading WHERE tenant_id = ? AND device_id = 'bin-1'") == 2);
        assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
        assertThat(meters.counter(ReadingMetrics.FAILED, ReadingMetrics.STAGE, "stream")
                        .count())
                .isZero();
    }

    @Test
    void a_device_registered_after_the_job_started_has_its_readings_stored() throws Exception {
        register("bin-2");

        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
        int[] sent = {0};
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    publisher.publish(topic("bin-2"), fill("bin-2", 10, start.plusSeconds(sent[0]++)));
                    return count("SELECT count(*) FROM reading WHERE tenant_id = ? AND device_id = 'bin-2'") > 0;
                });
        // The latest state follows within the state interval (1 s) and a checkpoint.
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        count("SELECT count(*) FROM sensor_state WHERE tenant_id = ? AND device_id = 'bin-2'") == 1);
    }

    @Test
    void a_reading_sent_moments_before_its_device_is_registered_is_held_and_stored_not_refused() throws Exception {
        Instant time = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30);
        publisher.publish(topic("bin-3"), fill("bin-3", 77, time));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> meters.counter(ReadingMetrics.HELD).count() >= 1);

        register("bin-3");

        await().atMost(Duration.ofSeconds(60))
                .until(() -> count("SELECT count(*) FROM reading WHERE tenant_id = ? AND device_id = 'bin-3'") == 1);
        assertThat(count("SELECT count(*) FROM refusal WHERE tenant_id = ? AND device_id = 'bin-3'"))
                .isZero();
        assertThat(meters.counter(ReadingMetrics.RELEASED).count()).isEqualTo(1);
    }

    @Test
    void a_message_refused_for_an_unknown_device_is_stored_whole_and_stored_as_readings_once_replayed()
            throws Exception {
        Instant time = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30);
        String message = fill("bin-4", 55, time);
        publisher.publish(topic("bin-4"), message);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count("SELECT count(*) FROM refusal WHERE tenant_id = ? AND device_id = 'bin-4'"
                                + " AND reason = 'unknown_device'")
                        == 1);
        assertThat(count("SELECT count(*) FROM refused_message m JOIN refusal r USING (digest)"
                        + " WHERE r.tenant_id = ? AND r.device_id = 'bin-4'"
                        + " AND m.payload = convert_to('" + message.replace("'", "''") + "', 'UTF8')"))
                .isEqualTo(1);

        register("bin-4");
        RefusalReplay.Outcome outcome;
        try (MqttMessagePublisher replayer =
                MqttMessagePublisher.connect(broker.url(), broker.username(), broker.password())) {
            outcome = new RefusalReplay(new RefusalStore(db.dataSource()), replayer)
                    .replay(new RefusalFilter(tenant, "unknown_device", "bin-4", null, 10), done -> {});
        }

        assertThat(outcome).isEqualTo(new RefusalReplay.Outcome(1, 0));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count("SELECT count(*) FROM reading WHERE tenant_id = ? AND device_id = 'bin-4'") == 1);
        assertThat(count("SELECT count(*) FROM refused_message m JOIN refusal r USING (digest)"
                        + " WHERE r.tenant_id = ? AND r.device_id = 'bin-4' AND m.replays = 1"))
                .isEqualTo(1);
    }

    /** Sends a message of an unknown device until its refusal is stored: the job is subscribed and writing. */
    private void awaitPipelineLive() {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    publisher.publish(topic(PROBE_DEVICE), "[{\"n\":\"probe\"}]");
                    return count("SELECT count(*) FROM refusal WHERE tenant_id = ? AND device_id = '" + PROBE_DEVICE
                                    + "'")
                            > 0;
                });
    }

    private void register(String device) throws SQLException {
        sql(
                "INSERT INTO device (tenant_id, id, gateway_id, kind, zone_id, latitude, longitude)"
                        + " VALUES (?, ?, ?, 'bin', 'z-1', 50.0, 4.0)",
                tenant,
                device,
                GATEWAY);
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
