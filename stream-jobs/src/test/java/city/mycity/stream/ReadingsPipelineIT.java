package city.mycity.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.generated.GeneratedTown;
import city.mycity.gateway.registry.CityRegistration;
import city.mycity.reading.ReadingMetrics;
import city.mycity.reading.RefusalReason;
import city.mycity.reading.UplinkTopic;
import city.mycity.settings.Settings;
import city.mycity.simulator.Ledger;
import city.mycity.simulator.SimulationSummary;
import city.mycity.simulator.Simulator;
import city.mycity.simulator.fault.FaultProfile;
import city.mycity.simulator.transport.mqtt.MqttGatewayLink;
import city.mycity.stream.ingest.RegistryHold;
import city.mycity.stream.mqtt.MqttSource;
import city.mycity.stream.registry.JdbcDeviceRegistry;
import city.mycity.stream.sink.JdbcConnector;
import city.mycity.testkit.TestBroker;
import city.mycity.testkit.TestDatabase;
import city.mycity.testkit.TestPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
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
 * The whole path: a generated town registered in a fresh database, the readings job on a Flink MiniCluster reading a
 * real broker, and the simulator's fleet publishing through that broker with duplicates and faults. Every valid
 * reading must be stored exactly once and every invalid one refused with its reason.
 */
class ReadingsPipelineIT {

    private static final int MESSAGES = 9_500;
    private static final String PROBE_DEVICE = "probe-0";

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private static TestDatabase db;
    private static TestBroker broker;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

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

    @Test
    void every_valid_reading_is_stored_once_and_every_invalid_one_is_refused_with_its_reason() throws Exception {
        Metrics.addRegistry(meters);
        String tenant = broker.tenant();
        CityModel city = GeneratedTown.builder().tenant(tenant).seed(7).build();
        CityRegistration.on(db.dataSource()).register(city);
        JdbcConnector database = new JdbcConnector(db.jdbcUrl(), db.user(), db.password());

        JobClient job = startJob(tenant, database);
        try {
            awaitPipelineLive(tenant);
            Ledger ledger = simulate(city);

            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertEverythingAccountedFor(tenant, ledger));

            print(tenant, ledger);
            assertThat(ledger.validReadings() + ledger.duplicateReadings() + ledger.refusals())
                    .isGreaterThanOrEqualTo(10_000);
            assertThat(ledger.duplicateMessages()).isPositive();
            // The latest state follows the readings within the state interval (1 s) and a checkpoint.
            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertStateAgreesWithReadings(tenant));
        } finally {
            job.cancel().get();
            Metrics.removeRegistry(meters);
        }
    }

    private static JobClient startJob(String tenant, JdbcConnector database) throws Exception {
        MqttSource source = MqttSource.builder(broker.url())
                .username(broker.username())
                .password(broker.password())
                .group(broker.clientId("stream"))
                .topicFilters(UplinkTopic.ofTenant(tenant))
                .connections(8)
                .build();
        ReadingsJob job = ReadingsJob.builder(source, new JdbcDeviceRegistry(database), Sinks.jdbc(database, 1000))
                .hold(new RegistryHold(Duration.ofSeconds(3), Duration.ofSeconds(1), 1000))
                .build();
        Settings settings = Settings.of(
                Map.of(StreamSettings.CHECKPOINT_INTERVAL.key(), "200ms", StreamSettings.PARALLELISM.key(), "2"));
        return job.start(ReadingsJob.configure(StreamExecutionEnvironment.getExecutionEnvironment(), settings));
    }

    /** Sends the same message of an unknown device until its refusal is stored: the job is subscribed and writing. */
    private void awaitPipelineLive(String tenant) {
        TestPublisher probe = broker.publisher();
        String topic = UplinkTopic.ROOT + "/" + tenant + "/gw-probe/" + PROBE_DEVICE + "/up";
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    probe.publish(topic, "[{\"n\":\"probe\"}]");
                    return count(
                                    "SELECT count(*) FROM refusal WHERE tenant_id = ? AND device_id = ?",
                                    tenant,
                                    PROBE_DEVICE)
                            > 0;
                });
    }

    private static Ledger simulate(CityModel city) {
        FaultProfile faults = FaultProfile.builder()
                .duplicate(0.03)
                .dropped(0.01)
                .stuck(0.01)
                .malformedPayload(0.01)
                .valueOutOfRange(0.01)
                .wrongUnit(0.01)
                .unknownDevice(0.01)
                .missingTime(0.01)
                .build();
        try (MqttGatewayLink link = MqttGatewayLink.builder(broker.url())
                .username(broker.username())
                .password(broker.password())
                .clientIdPrefix(broker.clientId("sim"))
                .build()) {
            Simulator simulator = Simulator.builder()
                    .city(city)
                    .link(link)
                    .faults(faults)
                    .messageRate(5_000)
                    .build();
            SimulationSummary summary = simulator.runUntil(MESSAGES);
            System.out.println("Simulator: " + summary);
            return simulator.ledger();
        }
    }

    private void assertEverythingAccountedFor(String tenant, Ledger ledger) throws SQLException {
        assertThat(count("SELECT count(*) FROM reading WHERE tenant_id = ?", tenant))
                .as("reading rows")
                .isEqualTo(ledger.validReadings());
        for (RefusalReason reason : RefusalReason.values()) {
            assertThat(count(
                            "SELECT count(*) FROM refusal WHERE tenant_id = ? AND reason = ?"
                                    + " AND device_id IS DISTINCT FROM '" + PROBE_DEVICE + "'",
                            tenant,
                            reason.code()))
                    .as("refusal rows for %s", reason.code())
                    .isEqualTo(ledger.distinctRefusals(reason));
        }
        assertThat(received())
                .as("received = stored + duplicate + refused")
                .isEqualTo(stored() + duplicate() + refused());
    }

    /** The latest state of every sensor is its newest stored reading; each car park counts its occupied bays. */
    private static void assertStateAgreesWithReadings(String tenant) throws SQLException {
        assertThat(count(
                        "SELECT count(*) FROM sensor_state s WHERE s.tenant_id = ? AND s.value <> ("
                                + " SELECT r.value FROM reading r WHERE r.tenant_id = s.tenant_id"
                                + " AND r.device_id = s.device_id AND r.quantity = s.quantity"
                                + " ORDER BY r.time DESC LIMIT 1)",
                        tenant))
                .as("sensor states that differ from the newest reading")
                .isZero();
        assertThat(count("SELECT count(*) FROM car_park_occupancy WHERE tenant_id = ?", tenant))
                .as("car parks with an occupancy")
                .isPositive();
        assertThat(count(
                        "SELECT count(*) FROM car_park_occupancy o JOIN car_park p"
                                + " ON p.tenant_id = o.tenant_id AND p.id = o.car_park_id"
                                + " WHERE o.tenant_id = ? AND (o.bays <> p.capacity OR o.occupied <> ("
                                + " SELECT count(*) FROM (SELECT DISTINCT ON (r.device_id) r.value FROM reading r"
                                + " JOIN device d ON d.tenant_id = r.tenant_id AND d.id = r.device_id"
                                + " WHERE r.tenant_id = o.tenant_id AND d.site_id = o.car_park_id"
                                + " AND r.quantity = 'occupied' ORDER BY r.device_id, r.time DESC) latest"
                                + " WHERE latest.value = 1))",
                        tenant))
                .as("car parks whose occupancy differs from their bays' newest readings")
                .isZero();
        assertThat(count(
                        "SELECT count(DISTINCT horizon_min) FROM car_park_forecast WHERE tenant_id = ?"
                                + " AND occupied BETWEEN 0 AND bays",
                        tenant))
                .as("horizons forecast (15, 30 and 60 minutes), each within the car park")
                .isEqualTo(3);
        assertThat(count(
                        "SELECT count(*) FROM car_park_forecast f JOIN car_park_occupancy o"
                                + " ON o.tenant_id = f.tenant_id AND o.car_park_id = f.car_park_id"
                                + " WHERE f.tenant_id = ? AND f.issued_at > o.time",
                        tenant))
                .as("forecasts issued after the newest occupancy they could know")
                .isZero();
    }

    private void print(String tenant, Ledger ledger) throws SQLException {
        Map<RefusalReason, Long> refusals = new EnumMap<>(RefusalReason.class);
        for (RefusalReason reason : RefusalReason.values()) {
            if (ledger.distinctRefusals(reason) > 0) {
                refusals.put(reason, ledger.distinctRefusals(reason));
            }
        }
        System.out.printf(
                "ReadingsPipelineIT: ledger %s%n  stream: received %.0f = stored %.0f + duplicate %.0f + refused %.0f"
                        + " (incl. probes)%n  tables: %d readings, %d refusals %s, %d car parks, %d zones%n",
                ledger,
                received(),
                stored(),
                duplicate(),
                refused(),
                count("SELECT count(*) FROM reading WHERE tenant_id = ?", tenant),
                count("SELECT count(*) FROM refusal WHERE tenant_id = ?", tenant),
                refusals,
                count("SELECT count(*) FROM car_park_occupancy WHERE tenant_id = ?", tenant),
                count("SELECT count(*) FROM zone_occupancy WHERE tenant_id = ?", tenant));
    }

    private double received() {
        return meters.counter(ReadingMetrics.RECEIVED, ReadingMetrics.STAGE, "stream")
                .count();
    }

    private double stored() {
        return meters.counter(ReadingMetrics.STORED).count();
    }

    private double duplicate() {
        return meters.counter(ReadingMetrics.DUPLICATE).count();
    }

    private double refused() {
        return meters.find(ReadingMetrics.REFUSED).tag(ReadingMetrics.STAGE, "stream").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private static long count(String sql, String... parameters) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
