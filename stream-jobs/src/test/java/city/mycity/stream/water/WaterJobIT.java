package city.mycity.stream.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.mycity.citymodel.City;
import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.Sensor;
import city.mycity.citymodel.generated.GeneratedTown;
import city.mycity.gateway.registry.CityRegistration;
import city.mycity.reading.SensorKind;
import city.mycity.reading.UplinkTopic;
import city.mycity.settings.Settings;
import city.mycity.simulator.Simulator;
import city.mycity.simulator.device.DayClock;
import city.mycity.simulator.fault.FaultProfile;
import city.mycity.simulator.transport.mqtt.MqttGatewayLink;
import city.mycity.simulator.water.WaterIncident;
import city.mycity.simulator.water.WaterIncidents;
import city.mycity.stream.ReadingsJob;
import city.mycity.stream.StreamSettings;
import city.mycity.stream.alerts.AlertRows;
import city.mycity.stream.alerts.AlertingJob;
import city.mycity.stream.alerts.Domain;
import city.mycity.stream.alerts.JobProbe;
import city.mycity.stream.mqtt.MqttSource;
import city.mycity.stream.registry.JdbcDeviceRegistry;
import city.mycity.stream.sink.AlertStatement;
import city.mycity.stream.sink.JdbcBatchSink;
import city.mycity.stream.sink.JdbcConnector;
import city.mycity.testkit.TestBroker;
import city.mycity.testkit.TestDatabase;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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
 * The water job on a MiniCluster, reading a real broker and writing a real database: six water sensors of a generated
 * town over twelve simulated days, each with a planned leak or burst, raise exactly one alert per incident at the
 * right sensor, and a replay of the same messages through a fresh job after a failure writes over the same alerts.
 */
class WaterJobIT {

    private static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final Instant START = Instant.parse("2025-03-03T00:00:00Z");
    private static final int DAYS = 12;

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
    void every_leak_and_burst_raises_one_alert_at_its_sensor_and_a_replay_doubles_none() throws Exception {
        String tenant = broker.tenant();
        CityModel town = GeneratedTown.builder().tenant(tenant).seed(7).build();
        List<Sensor> water = town.sensors().stream()
                .filter(s -> s.kind() == SensorKind.WATER)
                .limit(6)
                .toList();
        City city = City.part(town, List.of(), water);
        CityRegistration.on(db.dataSource()).register(city);
        List<WaterIncident> incidents = WaterIncidents.plan(water, 5, START.toEpochMilli(), DAYS, new DayClock(ZONE));
        JdbcConnector database = new JdbcConnector(db.jdbcUrl(), db.user(), db.password());

        JobClient job = startJob(tenant, database, "water-1");
        try {
            simulate(city, incidents);
            // Bursts are isolated within hours, so their alerts end resolved; leaks are never repaired in the run.
            long bursts = incidents.stream()
                    .filter(i -> i.kind() == WaterIncident.Kind.BURST)
                    .count();
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(AlertRows.of(db.dataSource(), tenant))
                            .hasSize(incidents.size())
                            .filteredOn(row -> row.endsWith(" resolved"))
                            .hasSize((int) bursts));
        } finally {
            job.cancel().get();
        }
        List<String> first = AlertRows.of(db.dataSource(), tenant);
        for (WaterIncident incident : incidents) {
            String problem = incident.kind() == WaterIncident.Kind.LEAK ? "leak" : "burst";
            assertThat(first)
                    .as("one alert for the %s at %s", problem, incident.device())
                    .filteredOn(row -> row.startsWith(incident.device() + " " + problem + " "))
                    .hasSize(1);
        }
        assertThat(first).filteredOn(row -> row.contains(" burst ")).allSatisfy(row -> assertThat(row)
                .endsWith("resolved"));
        assertThat(first).filteredOn(row -> row.contains(" leak ")).allSatisfy(row -> assertThat(row)
                .endsWith("open"));

        // The job failed: a new one reads the same messages again from scratch and computes the same alerts.
        Timestamp replayed = AlertRows.now(db.dataSource());
        JobClient replay = startJob(tenant, database, "water-2");
        try {
            simulate(city, incidents);
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> AlertRows.writtenSince(db.dataSource(), tenant, replayed) >= incidents.size());
        } finally {
            replay.cancel().get();
        }
        assertThat(AlertRows.of(db.dataSource(), tenant)).containsExactlyInAnyOrderElementsOf(first);
    }

    private static JobClient startJob(String tenant, JdbcConnector database, String group) throws Exception {
        MqttSource source = MqttSource.builder(broker.url())
                .username(broker.username())
                .password(broker.password())
                .group(broker.clientId(group))
                .topicFilters(UplinkTopic.ofTenant(tenant))
                .connections(1)
                .build();
        AlertingJob job = AlertingJob.builder(
                        Domain.WATER,
                        source,
                        new JdbcDeviceRegistry(database),
                        JdbcBatchSink.builder(database, new AlertStatement()).build())
                .timeZone(ZONE)
                // The simulator publishes days of device time in seconds: a few milliseconds of disorder between
                // packs is minutes of device time here, where a real city's minute of device time takes a minute.
                .outOfOrderness(Duration.ofHours(6))
                .build();
        Settings settings = Settings.of(
                Map.of(StreamSettings.CHECKPOINT_INTERVAL.key(), "200ms", StreamSettings.PARALLELISM.key(), "1"));
        double before = probe.received(Domain.WATER.code());
        JobClient client =
                job.start(ReadingsJob.configure(StreamExecutionEnvironment.getExecutionEnvironment(), settings));
        probe.awaitSubscribed(tenant, Map.of(Domain.WATER.code(), before));
        return client;
    }

    private static void simulate(City city, List<WaterIncident> incidents) {
        try (MqttGatewayLink link = MqttGatewayLink.builder(broker.url())
                .username(broker.username())
                .password(broker.password())
                .clientIdPrefix(broker.clientId("sim"))
                .gatewayPacks(200, Duration.ofMillis(20))
                .build()) {
            Simulator.builder()
                    .city(city)
                    .link(link)
                    .faults(FaultProfile.none())
                    .seed(3)
                    .timeZone(ZONE)
                    .start(START)
                    .waterIncidents(incidents)
                    .messageRate(5_000)
                    .build()
                    .runFor(Duration.ofDays(DAYS));
        }
    }
}
