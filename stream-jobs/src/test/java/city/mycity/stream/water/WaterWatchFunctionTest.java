package city.mycity.stream.water;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.analytics.alert.AlertSignal;
import city.mycity.reading.Reading;
import city.mycity.reading.SensorKind;
import city.mycity.stream.TestCity;
import city.mycity.stream.registry.RegistryRefresh;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WaterWatchFunctionTest {

    private static final Instant MONDAY = Instant.parse("2025-03-03T00:00:00Z");

    private KeyedOneInputStreamOperatorTestHarness<String, Reading, AlertSignal> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new WaterWatchFunction(ZoneOffset.UTC, TestCity.registry(), RegistryRefresh.DEFAULT),
                r -> r.tenant() + '/' + r.device(),
                Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static Reading pressure(Instant time, double bar) {
        return new Reading(
                TestCity.TENANT, TestCity.GATEWAY, "ws-0001", SensorKind.WATER, "pressure", bar, "bar", time, 1, time);
    }

    @Test
    void readings_that_arrive_out_of_order_are_judged_in_device_time_order() throws Exception {
        // A week of steady 5 bar, so that the sensor knows its course; then 4 bar from 12:00 on day 7.
        List<Reading> readings = new ArrayList<>();
        for (int minute = 0; minute < 7 * 1440 + 12 * 60 + 15; minute += 5) {
            Instant time = MONDAY.plus(Duration.ofMinutes(minute));
            readings.add(
                    pressure(time, time.isBefore(MONDAY.plus(Duration.ofDays(7).plusHours(12))) ? 5.0 : 4.0));
        }
        // Swap each pair: the network delivered them out of order.
        for (int i = 0; i + 1 < readings.size(); i += 2) {
            harness.processElement(
                    readings.get(i + 1), readings.get(i + 1).time().toEpochMilli());
            harness.processElement(readings.get(i), readings.get(i).time().toEpochMilli());
            harness.processWatermark(new Watermark(readings.get(i).time().toEpochMilli()));
        }
        harness.processWatermark(new Watermark(Long.MAX_VALUE));

        List<AlertSignal> signals = harness.extractOutputValues();
        assertThat(signals).singleElement().satisfies(s -> {
            assertThat(s.problem()).isEqualTo("burst");
            assertThat(s.raised()).isTrue();
            assertThat(s.at())
                    .isEqualTo(MONDAY.plus(Duration.ofDays(7).plusHours(12).plusMinutes(5)));
            assertThat(s.latitude()).isEqualTo(50.01);
            assertThat(s.subject()).isEqualTo("ws-0001");
        });
    }

    @Test
    void a_reading_waits_for_the_watermark_before_it_is_judged() throws Exception {
        harness.processElement(pressure(MONDAY, 5.0), MONDAY.toEpochMilli());

        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processWatermark(new Watermark(MONDAY.toEpochMilli()));

        assertThat(harness.numEventTimeTimers()).isZero();
    }
}
