package city.mycity.stream.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.mycity.gateway.registry.CityRegistration;
import city.mycity.reading.UplinkTopic;
import city.mycity.settings.Settings;
import city.mycity.simulator.Simulator;
import city.mycity.simulator.incident.ProblemWeek;
import city.mycity.simulator.transport.mqtt.MqttGatewayLink;
import city.mycity.stream.ReadingsJob;
import city.mycity.stream.StreamSettings;
import city.mycity.stream.mqtt.MqttSource;
import city.mycity.stream.registry.JdbcDeviceRegistry;
import city.mycity.stream.sink.AlertStatement;
import city.mycity.stream.sink.BinStatusStatement;
import city.mycity.stream.sink.JdbcBatchSink;
import city.mycity.stream.sink.JdbcConnector;
import city.mycity.stream.sink.TrafficFlowStatement;
import city.mycity.testkit.TestBroker;
import city.mycity.testkit.TestDatabase;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every analytics job (water, bins, traffic, health) on a MiniCluster, reading a real broker, writing a real database:
 * a small town runs a working week, then on Friday its devices have problems (a leak, a burst, a dead counter, a stuck
 * water sensor, a traffic jam, an overflowing bin, a broken probe sending values out of range: {@link ProblemWeek}).
 * Exactly one alert per problem is raised, at the right device; the same town without problems raises none; and fresh
 * jobs reading the same messages again after a failure double no alert.
 */
class AlertDayIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();
    private static JobProbe probe;
    private static TestDatabase db;
    private static TestBroker broker;

    @BeforeAll
    static void start() {
        db = TestDatabase.create().migrated();
        broker = TestBroker.create();
        Metrics.addRegistry(METERS);
        probe = new JobProbe(broker, METERS);
    }

    @AfterAll
    static void stop() {
        Metrics.removeRegistry(METERS);
        broker.close();
        db.close();
    }

    @Test
    void a_day_of_problems_raises_one_alert_each_and_a_day_without_none() throws Exception {
        String troubled = broker.tenant();
        ProblemWeek week = ProblemWeek.troubled(troubled);
        ProblemWeek quiet = ProblemWeek.quiet(troubled + "q");

        JdbcConnector database = new JdbcConnector(db.jdbcUrl(), db.user(), db.password());
        CityRegistration.on(db.dataSource()).register(week.town());
        CityRegistration.on(db.dataSource()).register(quiet.town());

        List<String> first = runDay(database, week, "day-1");
        assertThat(first)
                .as("one alert per problem, at its device")
                .hasSize(week.expected().size());
        for (String problem : week.expected()) {
            assertThat(first).filteredOn(row -> row.startsWith(problem + " ")).hasSize(1);
        }

        assertThat(runDay(database, quiet, "quiet"))
                .as("a town without problems")
                .isEmpty();

        Timestamp replayed = AlertRows.now(db.dataSource());
        List<String> again = runDay(database, week, "day-2", replayed);
        assertThat(again).as("the same alerts, written over").containsExactlyInAnyOrderElementsOf(first);
    }

    private List<String> runDay(JdbcConnector database, ProblemWeek week, String group) throws Exception {
        return runDay(database, week, group, null);
    }

    /** Runs every job on the week, and gives the tenant's alerts once every job has seen the week's end. */
    private List<String> runDay(JdbcConnector database, ProblemWeek week, String group, Timestamp rewrittenSince)
            throws Exception {
        String tenant = week.town().tenant();
        Map<String, Double> before = new HashMap<>();
        JobClient jobs = startJobs(database, tenant, group, before);
        try {
            long readings = simulate(week);
            await().atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> caughtUp(tenant, readings, before)
                            && (rewrittenSince == null
                                    ? AlertRows.of(db.dataSource(), tenant).size()
                                            >= week.expected().size()
                                    : AlertRows.writtenSince(db.dataSource(), tenant, rewrittenSince)
                                            >= week.expected().size()));
        } finally {
            jobs.cancel().get();
        }
        return AlertRows.of(db.dataSource(), tenant);
    }

    /**
     * Every job has read the whole week and its results are written: each has validated every reading sent, the
     * traffic job has written Friday's last window (closed by Saturday's readings) and the bins job Saturday's status.
     * The jobs share one job graph, so their sinks are written at the same checkpoints.
     */
    private static boolean caughtUp(String tenant, long readings, Map<String, Double> before) throws SQLException {
        boolean read = before.entrySet().stream().allMatch(e -> probe.received(e.getKey()) - e.getValue() >= readings);
        return read
                && newest(tenant, "SELECT max(window_start) FROM traffic_flow WHERE tenant_id = ?")
                        .map(t -> !t.isBefore(ProblemWeek.FRIDAY_ENDS.minus(Duration.ofMinutes(10))))
                        .orElse(false)
                && newest(tenant, "SELECT max(time) FROM bin_status WHERE tenant_id = ?")
                        .map(t -> !t.isBefore(ProblemWeek.FRIDAY_ENDS))
                        .orElse(false);
    }

    private static java.util.Optional<Instant> newest(String tenant, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, tenant);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                Timestamp time = rs.getTimestamp(1);
                return java.util.Optional.ofNullable(time).map(Timestamp::toInstant);
            }
        }
    }

    private static JobClient startJobs(JdbcConnector database, String tenant, String group, Map<String, Double> before)
            throws Exception {
        Settings settings = Settings.of(
                Map.of(StreamSettings.CHECKPOINT_INTERVAL.key(), "200ms", StreamSettings.PARALLELISM.key(), "1"));
        StreamExecutionEnvironment env =
                ReadingsJob.configure(StreamExecutionEnvironment.getExecutionEnvironment(), settings);
        for (Domain domain : Domain.values()) {
            before.put(domain.code(), probe.received(domain.code()));
            MqttSource source = MqttSource.builder(broker.url())
                    .username(broker.username())
                    .password(broker.password())
                    .group(broker.clientId(group + "-" + domain.code()))
                    .topicFilters(UplinkTopic.ofTenant(tenant))
                    .connections(1)
                    .build();
            AlertingJob.builder(
                            domain,
                            source,
                            new JdbcDeviceRegistry(database),
                            JdbcBatchSink.builder(database, new AlertStatement())
                                    .build())
                    .binStatus(JdbcBatchSink.builder(database, new BinStatusStatement())
                            .build())
                    .trafficFlow(JdbcBatchSink.builder(database, new TrafficFlowStatement())
                            .build())
                    .timeZone(ProblemWeek.ZONE)
                    .outOfOrderness(ProblemWeek.OUT_OF_ORDERNESS)
                    .build()
                    .build(env);
        }
        JobClient client = env.executeAsync("alert-day-" + group);
        probe.awaitSubscribed(tenant, before);
        return client;
    }

    /**
     * The week, then Saturday's first hours: enough device time for every job's watermark to pass Friday.
     *
     * @return the readings sent
     */
    private static long simulate(ProblemWeek week) {
        try (MqttGatewayLink link = MqttGatewayLink.builder(broker.url())
                .username(broker.username())
                .password(broker.password())
                .clientIdPrefix(broker.clientId("sim"))
                .gatewayPacks(200, Duration.ofMillis(20))
                .build()) {
            Simulator simulator = week.simulator(link, 5_000).build();
            simulator.runFor(ProblemWeek.span());
            return simulator.ledger().readingsSent();
        }
    }
}
