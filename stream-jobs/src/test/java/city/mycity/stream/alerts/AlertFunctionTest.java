package city.mycity.stream.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.analytics.alert.AlertChange;
import city.mycity.analytics.alert.AlertLifecycle;
import city.mycity.analytics.alert.AlertSignal;
import city.mycity.analytics.alert.Severity;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class AlertFunctionTest {

    private static final Instant T0 = Instant.parse("2025-03-10T12:00:00Z");

    private static KeyedOneInputStreamOperatorTestHarness<String, AlertSignal, AlertChange> harness() throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new AlertFunction(new AlertLifecycle()), AlertSignal::key, Types.STRING);
    }

    private static AlertSignal signal(boolean raised, long minutes) {
        return new AlertSignal(
                "town", "ws-0001", "burst", Severity.CRITICAL, raised, T0.plusSeconds(60 * minutes), "", 50, 4);
    }

    @Test
    void one_problem_is_one_alert_kept_across_a_restore_from_a_checkpoint() throws Exception {
        OperatorSubtaskState snapshot;
        String id;
        try (var before = harness()) {
            before.processElement(signal(true, 0), 0);
            before.processElement(signal(true, 5), 0);
            id = before.extractOutputValues().get(0).id();
            assertThat(before.extractOutputValues()).hasSize(1);
            snapshot = before.snapshot(1, 1);
        }

        KeyedOneInputStreamOperatorTestHarness<String, AlertSignal, AlertChange> restored =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new org.apache.flink.streaming.api.operators.KeyedProcessOperator<>(
                                new AlertFunction(new AlertLifecycle())),
                        AlertSignal::key,
                        Types.STRING);
        restored.initializeState(snapshot);
        restored.open();
        restored.processElement(signal(true, 10), 0);
        restored.processElement(signal(false, 60), 0);

        assertThat(restored.extractOutputValues()).singleElement().satisfies(change -> {
            assertThat(change.id()).isEqualTo(id);
            assertThat(change.status()).isEqualTo(AlertChange.RESOLVED);
        });
        restored.close();
    }
}
