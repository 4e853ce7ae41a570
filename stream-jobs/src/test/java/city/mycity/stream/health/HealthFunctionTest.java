package city.mycity.stream.health;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.analytics.alert.AlertSignal;
import city.mycity.analytics.alert.Severity;
import city.mycity.reading.Reading;
import city.mycity.reading.SensorKind;
import city.mycity.reading.Uplink;
import city.mycity.stream.TestCity;
import city.mycity.stream.ingest.RefusalRow;
import city.mycity.stream.ingest.ValidateFunction;
import city.mycity.stream.registry.RegistryRefresh;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthFunctionTest {

    private static final Instant T0 = Instant.parse("2025-03-03T08:00:00Z");

    private KeyedOneInputStreamOperatorTestHarness<String, Reading, AlertSignal> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new HealthFunction(TestCity.registry(), RegistryRefresh.DEFAULT),
                r -> r.tenant() + '/' + r.device(),
                Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void flow(Duration after, double value) throws Exception {
        Instant time = T0.plus(after);
        harness.processElement(
                new Reading(
                        TestCity.TENANT,
                        TestCity.GATEWAY,
                        "ws-0001",
                        SensorKind.WATER,
                        "flow",
                        value,
                        "l/min",
                        time,
                        1,
                        time),
                time.toEpochMilli());
    }

    @Test
    void a_sensor_that_falls_silent_is_offline_once_device_time_passes_its_deadline_and_back_when_it_reports()
            throws Exception {
        for (int i = 0; i < 6; i++) {
            flow(Duration.ofMinutes(5L * i), 100 + i);
        }
        harness.processWatermark(new Watermark(T0.plus(Duration.ofMinutes(30)).toEpochMilli()));
        assertThat(harness.extractOutputValues()).isEmpty();

        // Other devices' readings move device time on: 15 minutes after the last reading (three 5-minute silences).
        harness.processWatermark(new Watermark(T0.plus(Duration.ofMinutes(40)).toEpochMilli()));

        assertThat(harness.extractOutputValues()).singleElement().satisfies(signal -> {
            assertThat(signal.problem()).isEqualTo("offline");
            assertThat(signal.raised()).isTrue();
            assertThat(signal.at()).isEqualTo(T0.plus(Duration.ofMinutes(40)));
            assertThat(signal.severity()).isEqualTo(Severity.WARNING);
            assertThat(signal.latitude()).isEqualTo(50.01);
        });

        flow(Duration.ofHours(2), 103);
        harness.processWatermark(new Watermark(T0.plus(Duration.ofHours(2)).toEpochMilli()));

        assertThat(harness.extractOutputValues()).hasSize(2).last().satisfies(s -> assertThat(s.raised())
                .isFalse());
    }

    @Test
    void records_refused_as_out_of_range_raise_one_alert_in_device_time_order_and_keep_the_device_online()
            throws Exception {
        ValidateFunction validate = new ValidateFunction(TestCity.registry());
        var validating = ProcessFunctionTestHarnesses.forProcessFunction(validate);
        for (int i = 0; i < 12; i++) {
            Instant time = T0.plus(Duration.ofMinutes(i));
            validating.processElement(TestCity.uplink("ws-0001", "flow", -5, "l/min", time, i), 0);
        }
        List<RefusalRow> refused = validating.getSideOutput(ValidateFunction.REFUSALS).stream()
                .map(StreamRecord::getValue)
                .toList();
        validating.close();
        assertThat(refused).hasSize(12).allMatch(OutOfRange::is);

        for (RefusalRow row : refused) {
            Reading marked = OutOfRange.asReading(row);
            harness.processElement(marked, marked.time().toEpochMilli());
        }
        assertThat(harness.extractOutputValues())
                .as("nothing before device time passes")
                .isEmpty();

        harness.processWatermark(new Watermark(T0.plus(Duration.ofMinutes(12)).toEpochMilli()));

        assertThat(harness.extractOutputValues()).singleElement().satisfies(signal -> {
            assertThat(signal.problem()).isEqualTo("out-of-range");
            assertThat(signal.raised()).isTrue();
            assertThat(signal.at()).isEqualTo(T0.plus(Duration.ofMinutes(9)));
            assertThat(signal.severity()).isEqualTo(Severity.WARNING);
            assertThat(signal.detail()).contains("10 of its latest 10").contains("'flow' of -5.0 is outside");
        });
    }

    @Test
    void readings_waiting_at_the_time_of_the_device_s_deadline_are_not_dropped_when_the_deadline_moves()
            throws Exception {
        // Every minute the same value: the deadline (three 1-minute silences ahead) falls on a waiting reading's time.
        for (int i = 0; i < 12; i++) {
            flow(Duration.ofMinutes(i), 100);
        }

        harness.processWatermark(new Watermark(T0.plus(Duration.ofMinutes(11)).toEpochMilli()));

        assertThat(harness.extractOutputValues())
                .as("all twelve seen: stuck")
                .singleElement()
                .satisfies(signal -> assertThat(signal.problem()).isEqualTo("stuck"));
        assertThat(harness.numEventTimeTimers()).as("only the offline deadline").isEqualTo(1);
    }

    @Test
    void only_a_known_device_s_record_refused_for_its_value_alone_is_watched() throws Exception {
        ValidateFunction validate = new ValidateFunction(TestCity.registry());
        var validating = ProcessFunctionTestHarnesses.forProcessFunction(validate);
        validating.processElement(TestCity.uplink("ws-0001", "flow", -5, "l/min", T0, 1), 0);
        validating.processElement(TestCity.uplink("ws-0001", "flow", -5, "kg", T0, 2), 0);
        validating.processElement(TestCity.uplink("ws-9999", "flow", -5, "l/min", T0, 3), 0);
        Uplink dated = TestCity.uplink("ws-0001", "flow", -5, "l/min", T0.plus(Duration.ofDays(1)), 4);
        validating.processElement(new Uplink(dated.topic(), dated.payload(), T0), 0);
        List<RefusalRow> refused = validating.getSideOutput(ValidateFunction.REFUSALS).stream()
                .map(StreamRecord::getValue)
                .toList();
        validating.close();

        assertThat(refused).extracting(RefusalRow::reason).hasSize(4);
        assertThat(refused).filteredOn(OutOfRange::is).singleElement().satisfies(row -> assertThat(row.reasons())
                .containsExactly("value_out_of_range"));
    }

    @Test
    void a_device_that_keeps_reporting_is_never_offline() throws Exception {
        for (int i = 0; i < 100; i++) {
            flow(Duration.ofMinutes(5L * i), 100 + i % 7);
            harness.processWatermark(
                    new Watermark(T0.plus(Duration.ofMinutes(5L * i)).toEpochMilli()));
        }

        assertThat(harness.extractOutputValues()).isEmpty();
    }
}
