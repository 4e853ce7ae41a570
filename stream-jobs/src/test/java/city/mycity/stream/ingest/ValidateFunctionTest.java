package city.mycity.stream.ingest;

import static city.mycity.stream.TestCity.T0;
import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.reading.Reading;
import city.mycity.reading.ReadingMetrics;
import city.mycity.reading.Uplink;
import city.mycity.stream.TestCity;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ValidateFunctionTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private OneInputStreamOperatorTestHarness<Uplink, Reading> harness;

    @BeforeEach
    void open() throws Exception {
        Metrics.addRegistry(meters);
        harness = ProcessFunctionTestHarnesses.forProcessFunction(new ValidateFunction(TestCity.registry()));
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
        Metrics.removeRegistry(meters);
    }

    @Test
    void passes_accepted_readings_downstream() throws Exception {
        harness.processElement(TestCity.uplink("bin-00001", "fill", 42.5, "%", T0, 7), 0);

        List<Reading> readings = harness.extractOutputValues();
        assertThat(readings).singleElement().satisfies(r -> {
            assertThat(r.device()).isEqualTo("bin-00001");
            assertThat(r.value()).isEqualTo(42.5);
            assertThat(r.time()).isEqualTo(T0);
            assertThat(r.sequence()).isEqualTo(7);
        });
        assertThat(refusals()).isEmpty();
    }

    @Test
    void sends_refusals_to_the_side_output_with_their_reason() throws Exception {
        harness.processElement(TestCity.uplink("bin-00001", "fill", 142.5, "%", T0, 7), 0);
        harness.processElement(TestCity.uplink("bin-99999", "fill", 42.5, "%", T0, 8), 0);

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(refusals()).extracting(RefusalRow::reason).containsExactly("value_out_of_range", "unknown_device");
        assertThat(refusals().get(0).recordIndex()).isZero();
        assertThat(refusals().get(0).deviceTime()).as("the record's own time").isEqualTo(T0);
        assertThat(refusals().get(1).recordIndex()).isEqualTo(-1);
        assertThat(refusals().get(1).deviceTime()).as("the whole message").isNull();
    }

    @Test
    void refuses_garbage_without_failing_and_counts_it_as_one_reading() throws Exception {
        Uplink garbage = new Uplink(
                "mycity/v1/test-town/gw-z-a1/bin-00001/up", "{not senml".getBytes(StandardCharsets.UTF_8), T0);

        harness.processElement(garbage, 0);
        harness.processElement(new Uplink("not/a/topic", new byte[] {0, 1, 2}, T0), 0);

        assertThat(refusals()).extracting(RefusalRow::reason).containsExactly("malformed_payload", "malformed_topic");
        assertThat(meters.counter(ReadingMetrics.RECEIVED, "stage", "stream").count())
                .isEqualTo(2);
        assertThat(meters.counter(ReadingMetrics.REFUSED, "stage", "stream", "reason", "malformed_payload")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void the_same_bytes_on_the_same_topic_give_the_same_digest() throws Exception {
        Uplink bad = TestCity.uplink("bin-00001", "fill", 142.5, "%", T0, 7);
        harness.processElement(bad, 0);
        harness.processElement(bad, 0);
        harness.processElement(TestCity.uplink("bin-00001", "fill", 143.5, "%", T0, 7), 0);

        List<RefusalRow> rows = refusals();
        assertThat(rows.get(0).digest())
                .isEqualTo(rows.get(1).digest())
                .isNotEqualTo(rows.get(2).digest());
        assertThat(rows.get(0).digest()).hasSize(32);
    }

    @Test
    void a_message_without_payload_is_refused_not_thrown() throws Exception {
        Uplink empty =
                new Uplink(TestCity.uplink("bin-00001", "fill", 1, "%", T0, 1).topic(), null, T0);

        harness.processElement(empty, 0);

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(refusals()).singleElement().satisfies(r -> assertThat(r.recordIndex())
                .isEqualTo(-1));
    }

    private List<RefusalRow> refusals() {
        var side = harness.getSideOutput(ValidateFunction.REFUSALS);
        return side == null
                ? List.of()
                : side.stream().map(StreamRecord::getValue).toList();
    }
}
