package city.mycity.stream.bins;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.analytics.alert.AlertSignal;
import city.mycity.reading.Reading;
import city.mycity.reading.SensorKind;
import city.mycity.stream.TestCity;
import city.mycity.stream.registry.RegistryRefresh;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BinWatchFunctionTest {

    private static final Instant T0 = Instant.parse("2025-03-03T06:00:00Z");

    private KeyedOneInputStreamOperatorTestHarness<String, Reading, AlertSignal> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new BinWatchFunction(TestCity.registry(), RegistryRefresh.DEFAULT),
                r -> r.tenant() + '/' + r.device(),
                Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void fill(Duration after, double percent) throws Exception {
        Instant time = T0.plus(after);
        harness.processElement(
                new Reading(
                        TestCity.TENANT,
                        TestCity.GATEWAY,
                        "bin-00001",
                        SensorKind.BIN,
                        "fill",
                        percent,
                        "%",
                        time,
                        1,
                        time),
                time.toEpochMilli());
        harness.processWatermark(new Watermark(time.toEpochMilli()));
    }

    @Test
    void a_bin_that_fills_up_raises_one_alert_until_it_is_emptied_and_its_status_follows() throws Exception {
        for (int half = 0; half <= 10; half++) {
            fill(Duration.ofMinutes(30L * half), 80 + 2 * half);
        }
        fill(Duration.ofHours(6), 1.5);

        List<AlertSignal> signals = harness.extractOutputValues();
        assertThat(signals)
                .extracting(AlertSignal::problem, AlertSignal::raised)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(BinWatchFunction.BIN_FULL, true),
                        org.assertj.core.groups.Tuple.tuple(BinWatchFunction.BIN_FULL, false));
        assertThat(signals.get(0).at()).isEqualTo(T0.plus(Duration.ofMinutes(150)));
        ConcurrentLinkedQueue<StreamRecord<BinStatusRow>> statuses = harness.getSideOutput(BinWatchFunction.STATUS);
        assertThat(statuses).hasSize(12);
        BinStatusRow last = statuses.stream().reduce((a, b) -> b).orElseThrow().getValue();
        assertThat(last.fill()).isEqualTo(1.5);
        assertThat(last.lastCollected()).isEqualTo(T0.plus(Duration.ofHours(6)));
        assertThat(statuses.stream()
                        .skip(9)
                        .findFirst()
                        .orElseThrow()
                        .getValue()
                        .ratePerHour())
                .as("4% an hour before the emptying")
                .isBetween(3.99, 4.01);
    }
}
