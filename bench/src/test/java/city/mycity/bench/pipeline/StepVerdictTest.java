package city.mycity.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepVerdictTest {

    /** Samples every 250 ms: sent at {@code sentRate}, stored at {@code storedRate}, stored in bursts of 200 ms. */
    private static List<BacklogSample> samples(double seconds, double sentRate, double storedRate) {
        List<BacklogSample> samples = new ArrayList<>();
        for (double t = 0; t <= seconds; t += 0.25) {
            double committed = Math.floor(t / 0.2) * 0.2; // commits once per checkpoint
            samples.add(new BacklogSample(t, (long) (t * sentRate), (long) (committed * storedRate)));
        }
        return samples;
    }

    @Test
    void a_backlog_that_only_wobbles_with_the_checkpoints_is_flat() {
        StepVerdict verdict = StepVerdict.judge(10_000, samples(35, 10_000, 10_000), 5);

        assertThat(verdict.sustained()).isTrue();
        assertThat(verdict.reason()).isEqualTo("flat");
        assertThat(verdict.sentRate()).isCloseTo(10_000, within(50.0));
        assertThat(verdict.seconds()).isCloseTo(30, within(0.01));
    }

    @Test
    void a_backlog_growing_faster_than_two_percent_of_the_rate_is_not_sustained() {
        StepVerdict verdict = StepVerdict.judge(10_000, samples(35, 10_000, 9_500), 5);

        assertThat(verdict.sustained()).isFalse();
        assertThat(verdict.backlogSlope()).isCloseTo(500, within(20.0));
        assertThat(verdict.reason()).matches("backlog grows 5\\d\\d/s");
    }

    @Test
    void a_rate_the_simulator_could_not_send_is_not_sustained_even_if_everything_sent_was_stored() {
        StepVerdict verdict = StepVerdict.judge(10_000, samples(35, 9_000, 9_000), 5);

        assertThat(verdict.sustained()).isFalse();
        assertThat(verdict.reason()).isEqualTo("sent only 90 % of the rate");
    }

    @Test
    void a_backlog_shrinking_after_an_earlier_step_is_flat() {
        StepVerdict verdict = StepVerdict.judge(10_000, samples(35, 10_000, 10_800), 5);

        assertThat(verdict.sustained()).isTrue();
        assertThat(verdict.backlogSlope()).isNegative();
    }

    @Test
    void judges_only_the_samples_after_the_settle_time() {
        List<BacklogSample> samples = new ArrayList<>(samples(5, 10_000, 0)); // the job catches up afterwards
        for (double t = 5.25; t <= 35; t += 0.25) {
            samples.add(new BacklogSample(t, (long) (t * 10_000), (long) (t * 10_000) - 50_000));
        }

        assertThat(StepVerdict.judge(10_000, samples, 5).sustained()).isTrue();
        assertThat(StepVerdict.judge(10_000, samples, 0).sustained()).isFalse();
    }

    @Test
    void a_pipeline_storing_less_than_four_fifths_of_the_rate_is_clearly_behind() {
        assertThat(StepVerdict.judge(10_000, samples(15, 10_000, 7_500), 5).clearlyBehind())
                .isTrue();
        assertThat(StepVerdict.judge(10_000, samples(15, 7_500, 7_500), 5).clearlyBehind())
                .isTrue();
        assertThat(StepVerdict.judge(10_000, samples(15, 10_000, 9_500), 5).clearlyBehind())
                .isFalse();
        assertThat(StepVerdict.judge(10_000, samples(15, 10_000, 7_500), 5)
                        .stoppedEarly()
                        .reason())
                .endsWith("(stopped early)");
    }

    @Test
    void needs_two_samples_to_judge() {
        assertThatThrownBy(() -> StepVerdict.judge(1_000, List.of(new BacklogSample(6, 10, 10)), 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two samples");
    }
}
