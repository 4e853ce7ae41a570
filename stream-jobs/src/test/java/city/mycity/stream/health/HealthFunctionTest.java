package city.mycity.stream.health;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.analytics.alert.AlertSignal;
import city.mycity.analytics.alert.Severity;
import city.mycity.reading.Reading;
import city.mycity.reading.SensorKind;
import city.mycity.stream.TestCity;
import city.mycity.stream.registry.RegistryRefresh;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
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
    void a_device_that_keeps_reporting_is_never_offline() throws Exception {
        for (int i = 0; i < 100; i++) {
            flow(Duration.ofMinutes(5L * i), 100 + i % 7);
            harness.processWatermark(
                    new Watermark(T0.plus(Duration.ofMinutes(5L * i)).toEpochMilli()));
        }

        assertThat(harness.extractOutputValues()).isEmpty();
    }
}
