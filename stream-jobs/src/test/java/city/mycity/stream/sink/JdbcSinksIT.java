package city.mycity.stream.sink;

import static city.mycity.stream.TestCity.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.mycity.analytics.alert.AlertChange;
import city.mycity.analytics.alert.Severity;
import city.mycity.reading.Reading;
import city.mycity.reading.ReadingMetrics;
import city.mycity.reading.SensorKind;
import city.mycity.reading.Uplink;
import city.mycity.stream.TestCity;
import city.mycity.stream.bins.BinStatusRow;
import city.mycity.stream.ingest.RefusalRow;
import city.mycity.stream.ingest.ValidateFunction;
import city.mycity.stream.parking.CarParkForecast;
import city.mycity.stream.parking.Occupancy;
import city.mycity.stream.parking.Scope;
import city.mycity.stream.traffic.TrafficFlowRow;
import city.mycity.testkit.TestDatabase;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcSinksIT {

    private static TestDatabase db;
    private static JdbcConnector connector;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create().migrated();
        connector = new JdbcConnector(db.jdbcUrl(), db.user(), db.password());
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void clean() throws SQLException {
        Metrics.addRegistry(meters);
        execute("TRUNCATE reading, sensor_state, car_park_occupancy, zone_occupancy, refusal, alert,"
                + " car_park_forecast, bin_status, traffic_flow");
    }

    @AfterEach
    void removeMeters() {
        Metrics.removeRegistry(meters);
    }

    @Test
    void a_reading_written_twice_is_stored_once_and_counted_as_a_duplicate() throws Exception {
        Reading reading = bin("bin-00001", 42.5, T0);
        write(new ReadingStatement(), 10, reading, bin("bin-00001", 43.0, T0.plusSeconds(60)));
        write(new ReadingStatement(), 10, reading, reading);

        assertThat(count("SELECT count(*) FROM reading")).isEqualTo(2);
        assertThat(meters.counter(ReadingMetrics.STORED).count()).isEqualTo(2);
        assertThat(meters.counter(ReadingMetrics.DUPLICATE).count()).isEqualTo(2);
        assertThat(meters.timer(ReadingMetrics.LAG).count()).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM reading WHERE value = 42.5 AND time = '2025-06-01T08:00:00Z'"))
                .isEqualTo(1);
    }

    @Test
    void a_batch_holding_one_reading_already_stored_stores_the_others_and_counts_one_duplicate() throws Exception {
        Reading stored = bin("bin-00002", 10, T0);
        write(new ReadingStatement(), 10, stored);

        write(new ReadingStatement(), 10, bin("bin-00001", 5, T0), stored, bin("bin-00003", 7, T0));

        assertThat(count("SELECT count(*) FROM reading")).isEqualTo(3);
        assertThat(meters.counter(ReadingMetrics.STORED).count()).isEqualTo(3);
        assertThat(meters.counter(ReadingMetrics.DUPLICATE).count()).isEqualTo(1);
    }

    @Test
    void a_latest_state_sink_writes_only_the_newest_of_each_sensor_at_the_checkpoint() throws Exception {
        JdbcBatchSink<Reading> sink = JdbcBatchSink.builder(connector, new SensorStateStatement())
                .batchSize(1)
                .keepNewest(SensorStateStatement.PER_SENSOR)
                .build();
        try (SinkWriter<Reading> writer = sink.createWriter(null)) {
            writer.write(bin("bin-00001", 10, T0), null);
            writer.write(bin("bin-00001", 30, T0.plusSeconds(60)), null);
            writer.write(bin("bin-00001", 20, T0.plusSeconds(30)), null);
            writer.write(bin("bin-00002", 40, T0), null);
            assertThat(count("SELECT count(*) FROM sensor_state")).isZero();

            writer.flush(false);
        }

        assertThat(text("SELECT string_agg(device_id || '=' || value, ',' ORDER BY device_id) FROM sensor_state"))
                .isEqualTo("bin-00001=30,bin-00002=40");
    }

    @Test
    void a_latest_state_sink_writes_what_it_holds_once_it_holds_the_most_keys_it_may() throws Exception {
        JdbcBatchSink<Reading> sink = JdbcBatchSink.builder(connector, new SensorStateStatement())
                .keepNewest(SensorStateStatement.PER_SENSOR)
                .mostKeys(2)
                .build();
        try (SinkWriter<Reading> writer = sink.createWriter(null)) {
            writer.write(bin("bin-00001", 10, T0), null);
            writer.write(bin("bin-00001", 11, T0.plusSeconds(1)), null);
            assertThat(count("SELECT count(*) FROM sensor_state")).isZero();

            writer.write(bin("bin-00002", 20, T0), null);
            assertThat(count("SELECT count(*) FROM sensor_state")).isEqualTo(2);
        }
    }

    @Test
    void a_latest_state_sink_holds_the_newest_until_its_write_interval_has_passed() throws Exception {
        AtomicLong nanos = new AtomicLong();
        try (JdbcBatchWriter<Reading> writer = new JdbcBatchWriter<>(
                connector,
                new SensorStateStatement(),
                1000,
                RetryPolicy.DEFAULT,
                SensorStateStatement.PER_SENSOR,
                50_000,
                Duration.ofSeconds(1),
                nanos::get,
                List.of())) {
            writer.write(bin("bin-00001", 10, T0), null);
            nanos.addAndGet(Duration.ofMillis(999).toNanos());
            writer.flush(false);
            assertThat(count("SELECT count(*) FROM sensor_state")).isZero();

            nanos.addAndGet(Duration.ofMillis(1).toNanos());
            writer.flush(false);
            assertThat(count("SELECT count(*) FROM sensor_state")).isEqualTo(1);
        }
    }

    @Test
    void the_newest_held_at_a_checkpoint_are_written_by_the_writer_restored_from_it() throws Exception {
        JdbcBatchSink<Reading> sink = JdbcBatchSink.builder(connector, new SensorStateStatement())
                .keepNewest(SensorStateStatement.PER_SENSOR)
                .writeEvery(Duration.ofHours(1))
                .build();
        byte[] checkpoint;
        try (StatefulSinkWriter<Reading, List<Reading>> writer = sink.createWriter(null)) {
            writer.write(bin("bin-00001", 10, T0), null);
            writer.write(bin("bin-00001", 30, T0.plusSeconds(60)), null);
            writer.write(bin("bin-00002", 40, T0), null);
            writer.flush(false);
            checkpoint = sink.getWriterStateSerializer()
                    .serialize(writer.snapshotState(1).get(0));
        }
        assertThat(count("SELECT count(*) FROM sensor_state")).isZero();

        List<Reading> restored = sink.getWriterStateSerializer()
                .deserialize(sink.getWriterStateSerializer().getVersion(), checkpoint);
        try (StatefulSinkWriter<Reading, List<Reading>> writer = sink.restoreWriter(null, List.of(restored))) {
            writer.flush(true);
        }

        assertThat(text("SELECT string_agg(device_id || '=' || value, ',' ORDER BY device_id) FROM sensor_state"))
                .isEqualTo("bin-00001=30,bin-00002=40");
    }

    @Test
    void batches_are_written_when_full_and_on_flush() throws Exception {
        JdbcBatchSink<Reading> sink = JdbcBatchSink.builder(connector, new ReadingStatement())
                .batchSize(2)
                .build();
        try (SinkWriter<Reading> writer = sink.createWriter(null)) {
            writer.write(bin("bin-00001", 1, T0), null);
            writer.write(bin("bin-00001", 2, T0.plusSeconds(1)), null);
            writer.write(bin("bin-00001", 3, T0.plusSeconds(2)), null);
            assertThat(count("SELECT count(*) FROM reading")).isEqualTo(2);

            writer.flush(false);
            assertThat(count("SELECT count(*) FROM reading")).isEqualTo(3);
        }
    }

    @Test
    void sensor_state_never_moves_backwards() throws Exception {
        write(new SensorStateStatement(), 10, bin("bin-00001", 50, T0.plusSeconds(60)), bin("bin-00001", 10, T0));
        write(new SensorStateStatement(), 10, bin("bin-00001", 20, T0.plusSeconds(30)));

        assertThat(text("SELECT value::text FROM sensor_state")).isEqualTo("50");
        assertThat(instant("SELECT time FROM sensor_state")).isEqualTo(T0.plusSeconds(60));

        write(new SensorStateStatement(), 10, bin("bin-00001", 70, T0.plusSeconds(90)));
        assertThat(text("SELECT value::text FROM sensor_state")).isEqualTo("70");
    }

    @Test
    void occupancy_keeps_the_newest_and_never_moves_backwards() throws Exception {
        OccupancyStatement carParks = OccupancyStatement.forScope(Scope.CAR_PARK);
        write(carParks, 10, occupancy(Scope.CAR_PARK, 3, T0.plusSeconds(10)));
        write(carParks, 10, occupancy(Scope.CAR_PARK, 1, T0));
        assertThat(text("SELECT occupied || '/' || bays FROM car_park_occupancy"))
                .isEqualTo("3/20");

        write(OccupancyStatement.forScope(Scope.ZONE), 10, occupancy(Scope.ZONE, 5, T0));
        assertThat(text("SELECT zone_id || ':' || occupied FROM zone_occupancy"))
                .isEqualTo("z-a1:5");
    }

    @Test
    void an_alert_keeps_its_newest_change_and_an_operators_acknowledgement() throws Exception {
        AlertChange opened = alert("open", T0, null);
        AlertChange resolved = alert("resolved", T0.plusSeconds(600), T0.plusSeconds(600));
        write(new AlertStatement(), 10, opened, resolved);
        write(new AlertStatement(), 10, opened);
        assertThat(text("SELECT status FROM alert"))
                .as("an older change never wins")
                .isEqualTo("resolved");

        execute("UPDATE alert SET status = 'open', resolved_at = NULL");
        execute("UPDATE alert SET status = 'acknowledged', acknowledged_by = 'Sam'");
        write(new AlertStatement(), 10, alert("open", T0.plusSeconds(900), null));
        assertThat(text("SELECT status || ' by ' || acknowledged_by FROM alert"))
                .as("reopened by the stream, still acknowledged")
                .isEqualTo("acknowledged by Sam");
        assertThat(text("SELECT count(*)::text FROM alert")).isEqualTo("1");
    }

    @Test
    void a_forecast_keeps_the_newest_issue_per_car_park_and_horizon() throws Exception {
        ForecastStatement forecasts = new ForecastStatement();
        write(
                forecasts,
                10,
                new CarParkForecast(TestCity.TENANT, TestCity.CAR_PARK, 30, T0.plusSeconds(300), 12.5, 20),
                new CarParkForecast(TestCity.TENANT, TestCity.CAR_PARK, 30, T0, 3, 20),
                new CarParkForecast(TestCity.TENANT, TestCity.CAR_PARK, 60, T0, 4, 20));
        write(forecasts, 10, new CarParkForecast(TestCity.TENANT, TestCity.CAR_PARK, 30, T0, 3, 20));

        assertThat(text("SELECT string_agg(horizon_min || ':' || occupied, ',' ORDER BY horizon_min)"
                        + " FROM car_park_forecast"))
                .isEqualTo("30:12.5,60:4");
    }

    @Test
    void a_bin_keeps_its_newest_status_and_a_window_of_traffic_is_written_once() throws Exception {
        write(
                new BinStatusStatement(),
                10,
                new BinStatusRow(TestCity.TENANT, "bin-00001", 70, 2.5, T0.plusSeconds(7200), null, T0.plusSeconds(60)),
                new BinStatusRow(TestCity.TENANT, "bin-00001", 60, Double.NaN, null, null, T0));
        assertThat(text("SELECT fill || ' ' || rate_per_hour FROM bin_status")).isEqualTo("70 2.5");

        TrafficFlowRow window = new TrafficFlowRow(TestCity.TENANT, "tc-0001", T0, 240, 41.5, "free");
        write(new TrafficFlowStatement(), 10, window);
        write(
                new TrafficFlowStatement(),
                10,
                window,
                new TrafficFlowRow(TestCity.TENANT, "tc-0001", T0.plusSeconds(300), 0, Double.NaN, "unknown"));
        assertThat(text("SELECT string_agg(vehicles_per_hour || ':' || coalesce(speed_kmh::text, '-') || ':' || level,"
                        + " ',' ORDER BY window_start) FROM traffic_flow"))
                .isEqualTo("240:41.5:free,0:-:unknown");
    }

    @Test
    void occupancy_per_minute_keeps_the_last_change_of_each_minute() throws Exception {
        OccupancyMinuteStatement minutes = new OccupancyMinuteStatement();
        write(
                minutes,
                10,
                occupancy(Scope.CAR_PARK, 3, T0.plusSeconds(10)),
                occupancy(Scope.CAR_PARK, 4, T0.plusSeconds(50)),
                occupancy(Scope.CAR_PARK, 5, T0.plusSeconds(70)),
                occupancy(Scope.ZONE, 9, T0.plusSeconds(20)));
        write(minutes, 10, occupancy(Scope.CAR_PARK, 1, T0.plusSeconds(5)));

        assertThat(
                        text(
                                "SELECT string_agg(scope || ':' || occupied, ',' ORDER BY scope, minute) FROM occupancy_minute"))
                .isEqualTo("car-park:4,car-park:5,zone:9");
    }

    private static AlertChange alert(String status, Instant changedAt, Instant resolvedAt) {
        return new AlertChange(
                "6a1e0e4e-2d6c-3c0b-9a53-1f0a2b3c4d5e",
                TestCity.TENANT,
                "ws-0001",
                "burst",
                Severity.CRITICAL,
                status,
                T0,
                resolvedAt,
                changedAt,
                0,
                "pressure fell",
                50.01,
                Double.NaN);
    }

    @Test
    void a_refusal_delivered_twice_is_recorded_once_with_every_reason() throws Exception {
        RefusalRow refusal = refusalOf(TestCity.uplink("bin-00001", "fill", 142.5, "kg", T0, 1));

        write(new RefusalStatement(), 10, refusal);
        write(new RefusalStatement(), 10, refusal);

        assertThat(count("SELECT count(*) FROM refusal")).isEqualTo(1);
        assertThat(text("SELECT reason || ' ' || array_to_string(reasons, ',') || ' ' || quantity FROM refusal"))
                .isEqualTo("value_out_of_range value_out_of_range,wrong_unit fill");
    }

    @Test
    void a_record_named_with_a_nul_is_recorded_as_a_refusal_without_the_nul() throws Exception {
        String payload = "[{\"bn\":\"urn:dev:mycity:test-town:bin-00001:\",\"bt\":1748764800,"
                + "\"n\":\"fill\\u0000\",\"u\":\"%\",\"v\":1}]";
        RefusalRow refusal = refusalOf(new Uplink(
                TestCity.uplink("bin-00001", "fill", 1, "%", T0, 1).topic(),
                payload.getBytes(StandardCharsets.UTF_8),
                T0));

        write(new RefusalStatement(), 10, refusal);

        assertThat(text("SELECT reason || ' ' || quantity FROM refusal")).isEqualTo("unknown_quantity fill");
    }

    @Test
    void a_row_the_table_cannot_hold_is_dropped_and_counted_and_the_rest_of_its_batch_is_stored() throws Exception {
        Reading poisoned = new Reading(
                TestCity.TENANT, TestCity.GATEWAY, "bin-00001", SensorKind.BIN, "fill\u0000", 3, "%", T0, 1, T0);

        write(
                new ReadingStatement(),
                10,
                bin("bin-00001", 1, T0),
                bin("bin-00001", 2, T0.plusSeconds(1)),
                poisoned,
                bin("bin-00001", 4, T0.plusSeconds(3)),
                bin("bin-00001", 5, T0.plusSeconds(4)));

        assertThat(text("SELECT string_agg(value::text, ',' ORDER BY time) FROM reading"))
                .isEqualTo("1,2,4,5");
        assertThat(meters.counter(ReadingMetrics.FAILED, ReadingMetrics.STAGE, "stream")
                        .count())
                .isEqualTo(1);
        assertThat(meters.counter(ReadingMetrics.STORED).count()).isEqualTo(4);
    }

    @Test
    void a_refusal_the_table_cannot_hold_is_dropped_and_counted_and_the_others_are_recorded() throws Exception {
        RefusalRow good = refusalOf(TestCity.uplink("bin-00001", "fill", 142.5, "kg", T0, 1));
        RefusalRow other = refusalOf(TestCity.uplink("bin-00001", "fill", 143.5, "kg", T0, 2));
        RefusalRow poisoned = new RefusalRow(
                new byte[32],
                0,
                good.topic(),
                good.tenant(),
                good.gateway(),
                good.device(),
                "x\u0000",
                good.reason(),
                good.reasons(),
                good.details(),
                good.excerpt(),
                good.receivedAt(),
                good.deviceTime(),
                good.payload());

        write(new RefusalStatement(), 10, good, poisoned, other);

        assertThat(count("SELECT count(*) FROM refusal")).isEqualTo(2);
        assertThat(meters.counter(ReadingMetrics.FAILED, ReadingMetrics.STAGE, "stream")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void two_readings_of_a_bay_in_the_same_second_are_both_stored_and_its_state_follows_the_later() throws Exception {
        Reading freed = bay("bay-00001", 0, T0, 8);
        Reading taken = bay("bay-00001", 1, T0, 7);

        write(new ReadingStatement(), 10, freed, taken);
        write(new SensorStateStatement(), 10, freed, taken);
        write(new SensorStateStatement(), 10, taken);

        assertThat(text("SELECT string_agg(seq || '=' || value, ',' ORDER BY seq) FROM reading"))
                .isEqualTo("7=1,8=0");
        assertThat(text("SELECT seq || '=' || value FROM sensor_state")).isEqualTo("8=0");
    }

    @Test
    void a_batch_whose_every_row_fails_alike_fails_the_task_and_drops_nothing() throws Exception {
        execute("ALTER TABLE reading ADD CONSTRAINT only_negative CHECK (value < 0) NOT VALID");
        try {
            assertThatThrownBy(() -> write(
                            new ReadingStatement(),
                            10,
                            bin("bin-00001", 1, T0),
                            bin("bin-00001", 2, T0.plusSeconds(1)),
                            bin("bin-00001", 3, T0.plusSeconds(2))))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("Every row of a batch of 3")
                    .hasMessageContaining("23514");
            assertThat(meters.counter(ReadingMetrics.FAILED, ReadingMetrics.STAGE, "stream")
                            .count())
                    .isZero();
        } finally {
            execute("ALTER TABLE reading DROP CONSTRAINT only_negative");
        }
        write(new ReadingStatement(), 10, bin("bin-00001", 1, T0), bin("bin-00001", 2, T0.plusSeconds(1)));
        assertThat(count("SELECT count(*) FROM reading")).isEqualTo(2);
    }

    @Test
    void two_writers_upserting_the_same_sensors_in_opposite_orders_never_deadlock() throws Exception {
        int sensors = 300;
        int rounds = 15;
        List<Reading> forward = new ArrayList<>();
        for (int i = 0; i < sensors; i++) {
            forward.add(bin("bin-%05d".formatted(i), i % 100, T0.plusSeconds(i)));
        }
        List<Reading> backward = new ArrayList<>(forward);
        Collections.reverse(backward);
        long deadlocksBefore = count("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()");

        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (List<Reading> order : List.of(forward, backward)) {
                done.add(writers.submit(() -> {
                    for (int round = 0; round < rounds; round++) {
                        writeWithoutRetry(new SensorStateStatement(), order);
                        writeWithoutRetry(new ReadingStatement(), order);
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get(2, TimeUnit.MINUTES);
            }
        } finally {
            writers.shutdownNow();
        }

        assertThat(count("SELECT count(*) FROM sensor_state")).isEqualTo(sensors);
        assertThat(count("SELECT count(*) FROM reading")).isEqualTo(sensors);
        assertThat(count("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()"))
                .isEqualTo(deadlocksBefore);
    }

    private static <T> void writeWithoutRetry(BatchStatement<T> statement, List<T> rows) throws Exception {
        try (SinkWriter<T> writer = JdbcBatchSink.builder(connector, statement)
                .batchSize(rows.size())
                .retry(RetryPolicy.none())
                .build()
                .createWriter(null)) {
            for (T row : rows) {
                writer.write(row, null);
            }
            writer.flush(false);
        }
    }

    @SafeVarargs
    private static <T> void write(BatchStatement<T> statement, int batchSize, T... elements) throws Exception {
        try (SinkWriter<T> writer = JdbcBatchSink.builder(connector, statement)
                .batchSize(batchSize)
                .build()
                .createWriter(null)) {
            for (T element : elements) {
                writer.write(element, null);
            }
            writer.flush(false);
        }
    }

    private static RefusalRow refusalOf(city.mycity.reading.Uplink uplink) throws Exception {
        try (OneInputStreamOperatorTestHarness<city.mycity.reading.Uplink, Reading> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(new ValidateFunction(TestCity.registry()))) {
            harness.processElement(uplink, 0);
            return harness.getSideOutput(ValidateFunction.REFUSALS).poll().getValue();
        }
    }

    private static Reading bin(String device, double fill, Instant time) {
        return new Reading(TestCity.TENANT, TestCity.GATEWAY, device, SensorKind.BIN, "fill", fill, "%", time, 1, time);
    }

    private static Reading bay(String device, double occupied, Instant time, long sequence) {
        return new Reading(
                TestCity.TENANT,
                TestCity.GATEWAY,
                device,
                SensorKind.PARKING_BAY,
                "occupied",
                occupied,
                "/",
                time,
                sequence,
                time);
    }

    private static Occupancy occupancy(Scope scope, int occupied, Instant time) {
        String id = scope == Scope.ZONE ? TestCity.ZONE : TestCity.CAR_PARK;
        return new Occupancy(TestCity.TENANT, scope, id, occupied, 20, time);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = connector.open();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Instant instant(String sql) throws SQLException {
        try (Connection c = connector.open();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getObject(1, java.time.OffsetDateTime.class).toInstant();
        }
    }

    private static long count(String sql) throws SQLException {
        return Long.parseLong(text(sql));
    }

    private static String text(String sql) throws SQLException {
        try (Connection c = connector.open();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
