package city.mycity.stream.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.mycity.citymodel.City;
import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.Sensor;
import city.mycity.citymodel.generated.GeneratedTown;
import city.mycity.gateway.registry.CityRegistration;
import city.mycity.reading.ResolvedRecord;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.SensorKind;
import city.mycity.reading.UplinkTopic;
import city.mycity.settings.Settings;
import city.mycity.simulator.Simulator;
import city.mycity.simulator.fault.FaultProfile;
import city.mycity.simulator.incident.DeviceIncident;
import city.mycity.simulator.transport.DeviceLink;
import city.mycity.simulator.transport.mqtt.MqttGatewayLink;
import city.mycity.simulator.water.WaterIncident;
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
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
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
 * water sensor, a traffic jam, an overflowing bin, a broken probe sending values out of range). Exactly one alert per problem is raised, at the right device; the
 * same town without problems raises none; and fresh jobs reading the same messages again after a failure double no
 * alert.
 */
class AlertDayIT {

    private static final ZoneId ZONE = ZoneId.of("Europe/London");
    /** Monday 3 March 2025, midnight in London. */
    private static final Instant MONDAY = Instant.parse("2025-03-03T00:00:00Z");

    private static final int DAYS = 5;
    private static final long HOUR = 3_600_000L;
    private static final Duration OUT_OF_ORDER = Duration.ofHours(12);
    /** The week, and as much of Saturday as the watermark needs to pass the end of Friday. */
    private static final Duration RUN = Duration.ofDays(DAYS).plus(OUT_OF_ORDER).plusHours(2);

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

    /** The problems of Friday, each as "device problem". */
    private record Friday(List<WaterIncident> water, List<DeviceIncident> devices, List<String> expected) {}

    @Test
    void a_day_of_problems_raises_one_alert_each_and_a_day_without_none() throws Exception {
        String troubled = broker.tenant();
        String quiet = troubled + "q";
        City town = town(troubled);
        Friday friday = friday(town);

        JdbcConnector database = new JdbcConnector(db.jdbcUrl(), db.user(), db.password());
        CityRegistration.on(db.dataSource()).register(town);
        CityRegistration.on(db.dataSource()).register(town(quiet));

        List<String> first = runDay(database, troubled, town, friday, "day-1");
        assertThat(first)
                .as("one alert per problem, at its device")
                .hasSize(friday.expected().size());
        for (String problem : friday.expected()) {
            assertThat(first).filteredOn(row -> row.startsWith(problem + " ")).hasSize(1);
        }

        assertThat(runDay(database, quiet, town(quiet), new Friday(List.of(), List.of(), List.of()), "quiet"))
                .as("a town without problems")
                .isEmpty();

        Timestamp replayed = AlertRows.now(db.dataSource());
        List<String> again = runDay(database, troubled, town, friday, "day-2", replayed);
        assertThat(again).as("the same alerts, written over").containsExactlyInAnyOrderElementsOf(first);
    }

    /** Four water sensors, three counters and the bins that stay under 80% without problems, in one city. */
    private static City town(String tenant) throws Exception {
        CityModel generated = GeneratedTown.builder().tenant(tenant).seed(7).build();
        List<Sensor> water = ofKind(generated, SensorKind.WATER, 4);
        List<Sensor> counters = ofKind(generated, SensorKind.TRAFFIC_COUNTER, 3);
        List<Sensor> bins = ofKind(generated, SensorKind.BIN, 12);
        City all = city(
                generated,
                Stream.of(water, counters, bins).flatMap(List::stream).toList());
        Map<String, Double> fullest = fullestBins(all);
        List<Sensor> calmBins = bins.stream()
                .filter(b -> fullest.getOrDefault(b.id(), 100.0) < 80)
                .limit(3)
                .toList();
        assertThat(calmBins).as("bins that never come near full in the week").hasSize(3);
        return city(
                generated,
                Stream.of(water, counters, calmBins).flatMap(List::stream).toList());
    }

    private static List<Sensor> ofKind(CityModel city, SensorKind kind, int count) {
        return city.sensors().stream()
                .filter(s -> s.kind() == kind)
                .limit(count)
                .toList();
    }

    private static City city(CityModel town, List<Sensor> sensors) {
        return new City(
                town.tenant(),
                town.name(),
                town.bounds(),
                town.zones(),
                town.streets(),
                List.of(),
                town.gateways(),
                sensors,
                town.provenance(),
                town.trafficSignals());
    }

    /** Friday's problems on the town's devices. */
    private static Friday friday(City town) {
        List<Sensor> water = ofKind(town, SensorKind.WATER, 4);
        List<Sensor> counters = ofKind(town, SensorKind.TRAFFIC_COUNTER, 3);
        Sensor bin = ofKind(town, SensorKind.BIN, 1).get(0);
        long friday = MONDAY.toEpochMilli() + 4 * 24 * HOUR;
        List<WaterIncident> mains = List.of(
                new WaterIncident(
                        water.get(0).id(), WaterIncident.Kind.LEAK, friday + HOUR / 2, Long.MAX_VALUE, 0.06, 0.05),
                new WaterIncident(
                        water.get(1).id(), WaterIncident.Kind.BURST, friday + 10 * HOUR, friday + 12 * HOUR, 0.4, 1.5));
        List<DeviceIncident> devices = List.of(
                new DeviceIncident(
                        counters.get(0).id(), DeviceIncident.Kind.DEAD, friday + 9 * HOUR, Long.MAX_VALUE, 1),
                new DeviceIncident(
                        water.get(2).id(), DeviceIncident.Kind.STUCK, friday + 12 * HOUR, friday + 16 * HOUR, 1),
                new DeviceIncident(
                        counters.get(1).id(),
                        DeviceIncident.Kind.CONGESTION,
                        friday + 14 * HOUR,
                        friday + 15 * HOUR,
                        0.3),
                new DeviceIncident(bin.id(), DeviceIncident.Kind.OVERFLOW, friday + 8 * HOUR, friday + 20 * HOUR, 20),
                new DeviceIncident(
                        water.get(3).id(), DeviceIncident.Kind.OUT_OF_RANGE, friday + 6 * HOUR, friday + 8 * HOUR, 1));
        return new Friday(
                mains,
                devices,
                List.of(
                        water.get(0).id() + " leak",
                        water.get(1).id() + " burst",
                        counters.get(0).id() + " offline",
                        water.get(2).id() + " stuck",
                        counters.get(1).id() + " congestion",
                        bin.id() + " bin-full",
                        water.get(3).id() + " out-of-range"));
    }

    private List<String> runDay(JdbcConnector database, String tenant, City city, Friday friday, String group)
            throws Exception {
        return runDay(database, tenant, city, friday, group, null);
    }

    /** Runs every job on the week, and gives the tenant's alerts once every job has seen the week's end. */
    private List<String> runDay(
            JdbcConnector database, String tenant, City city, Friday friday, String group, Timestamp rewrittenSince)
            throws Exception {
        Map<String, Double> before = new HashMap<>();
        JobClient jobs = startJobs(database, tenant, group, before);
        try {
            long readings = simulate(city, friday);
            await().atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> caughtUp(tenant, readings, before)
                            && (rewrittenSince == null
                                    ? AlertRows.of(db.dataSource(), tenant).size()
                                            >= friday.expected().size()
                                    : AlertRows.writtenSince(db.dataSource(), tenant, rewrittenSince)
                                            >= friday.expected().size()));
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
        Instant friday = MONDAY.plus(Duration.ofDays(4));
        return read
                && newest(tenant, "SELECT max(window_start) FROM traffic_flow WHERE tenant_id = ?")
                        .map(t -> !t.isBefore(friday.plus(Duration.ofHours(23).plusMinutes(50))))
                        .orElse(false)
                && newest(tenant, "SELECT max(time) FROM bin_status WHERE tenant_id = ?")
                        .map(t -> !t.isBefore(friday.plus(Duration.ofDays(1))))
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
                    .timeZone(ZONE)
                    // Days of device time go by in seconds here, and each gateway publishes on its own session:
                    // a gateway a few packs behind the others is hours of device time behind. Allow half a day.
                    .outOfOrderness(OUT_OF_ORDER)
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
    private static long simulate(City city, Friday friday) {
        try (MqttGatewayLink link = MqttGatewayLink.builder(broker.url())
                .username(broker.username())
                .password(broker.password())
                .clientIdPrefix(broker.clientId("sim"))
                .gatewayPacks(200, Duration.ofMillis(20))
                .build()) {
            Simulator simulator = simulator(city, friday, link);
            simulator.runFor(RUN);
            return simulator.ledger().readingsSent();
        }
    }

    private static Simulator simulator(City city, Friday friday, DeviceLink link) {
        return Simulator.builder()
                .city(city)
                .link(link)
                .faults(FaultProfile.none())
                .seed(3)
                .timeZone(ZONE)
                .start(MONDAY)
                .waterIncidents(friday.water())
                .deviceIncidents(friday.devices())
                .messageRate(5_000)
                .meterRegistry(new SimpleMeterRegistry())
                .build();
    }

    /** How full each bin of the city gets in the week without problems, from the simulator's own messages. */
    private static Map<String, Double> fullestBins(City city) {
        Map<String, Double> fullest = new HashMap<>();
        DeviceLink recorder = new DeviceLink() {
            @Override
            public CompletionStage<Void> send(String tenant, Sensor sensor, byte[] payload) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletionStage<Void> send(String tenant, Sensor sensor, byte[] payload, SenmlPack pack) {
                if (sensor.kind() == SensorKind.BIN && pack != null) {
                    for (ResolvedRecord record : pack.resolve()) {
                        if (record.name().endsWith(":fill") && record.value() != null) {
                            fullest.merge(sensor.id(), record.value(), Math::max);
                        }
                    }
                }
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public boolean packsGateways() {
                return true;
            }

            @Override
            public void open(String tenant, Collection<Sensor> sensors) {}
        };
        Simulator.builder()
                .city(city)
                .link(recorder)
                .faults(FaultProfile.none())
                .seed(3)
                .timeZone(ZONE)
                .start(MONDAY)
                .messageRate(Double.POSITIVE_INFINITY)
                .meterRegistry(new SimpleMeterRegistry())
                .build()
                .runFor(RUN);
        return fullest;
    }
}
