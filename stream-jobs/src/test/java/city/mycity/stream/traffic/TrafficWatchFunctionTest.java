package city.mycity.stream.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.analytics.alert.AlertSignal;
import city.mycity.reading.Reading;
import city.mycity.reading.SensorKind;
import city.mycity.stream.TestCity;
import city.mycity.stream.registry.RegistryRefresh;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrafficWatchFunctionTest {

    private static final Instant MONDAY = Instant.parse("2025-03-03T00:00:00Z");

    private KeyedOneInputStreamOperatorTestHarness<String, Reading, AlertSignal> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new TrafficWatchFunction(ZoneOffset.UTC, TestCity.registry(), RegistryRefresh.DEFAULT),
                r -> r.tenant() + '/' + r.device(),
                Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void window(Instant start, double count, double speed) throws Exception {
        Instant at = start.plusSeconds(290);
        for (String quantity : new String[] {"count", "speed"}) {
            harness.processElement(
                    new Reading(
                            TestCity.TENANT,
                            TestCity.GATEWAY,
                            "tc-0001",
                            SensorKind.TRAFFIC_COUNTER,
                            quantity,
                            "count".equals(quantity) ? count : speed,
                            "count".equals(quantity) ? "count" : "km/h",
                            at,
                            1,
                            at),
                    at.toEpochMilli());
        }
        harness.processWatermark(new Watermark(at.toEpochMilli()));
    }

    @Test
    void each_window_is_written_and_a_jam_on_a_usually_free_road_is_one_congestion_alert() throws Exception {
        for (int day = 0; day < 4; day++) {
            for (int minute = 0; minute < 1440; minute += 5) {
                window(MONDAY.plus(Duration.ofDays(day).plusMinutes(minute)), 20, 40);
            }
        }
        Instant jam = MONDAY.plus(Duration.ofDays(4).plusHours(14));
        for (int i = 0; i < 8; i++) {
            window(jam.plus(Duration.ofMinutes(5L * i)), 25, 12);
        }

        assertThat(harness.getSideOutput(TrafficWatchFunction.FLOW)).hasSize(4 * 288 + 7);
        assertThat(harness.getSideOutput(TrafficWatchFunction.FLOW)
                        .peek()
                        .getValue()
                        .vehiclesPerHour())
                .isEqualTo(240);
        assertThat(harness.extractOutputValues()).singleElement().satisfies(signal -> {
            assertThat(signal.problem()).isEqualTo(TrafficWatchFunction.CONGESTION);
            assertThat(signal.raised()).isTrue();
            assertThat(signal.at()).isEqualTo(jam.plus(Duration.ofMinutes(10)));
        });
    }
}
