package city.mycity.stream.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconnectsTest {

    /** A timer that keeps the tasks until the test runs them, and remembers each delay. */
    private static final class ManualTimer implements Reconnects.Timer {
        final List<Duration> delays = new ArrayList<>();
        final List<Runnable> tasks = new ArrayList<>();

        @Override
        public void runAfter(Duration delay, Runnable task) {
            delays.add(delay);
            tasks.add(task);
        }

        void runDue() {
            List<Runnable> due = new ArrayList<>(tasks);
            tasks.clear();
            due.forEach(Runnable::run);
        }
    }

    private final ManualTimer timer = new ManualTimer();
    private int started;
    private final Reconnects reconnects =
            new Reconnects(timer, () -> started++, Duration.ofMillis(500), Duration.ofSeconds(3));

    @Test
    void a_lost_connection_starts_one_attempt_after_the_first_delay() {
        reconnects.lost();
        timer.runDue();

        assertThat(started).isEqualTo(1);
        assertThat(timer.delays).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void losses_reported_while_an_attempt_waits_or_runs_start_no_second_attempt() {
        reconnects.lost();
        reconnects.lost();
        timer.runDue();
        reconnects.lost();
        timer.runDue();

        assertThat(started).isEqualTo(1);
        assertThat(timer.delays).hasSize(1);
    }

    @Test
    void each_failed_attempt_doubles_the_delay_up_to_the_longest() {
        reconnects.lost();
        for (int i = 0; i < 5; i++) {
            timer.runDue();
            reconnects.failed();
        }

        assertThat(started).isEqualTo(5);
        assertThat(timer.delays)
                .containsExactly(
                        Duration.ofMillis(500),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(3),
                        Duration.ofSeconds(3),
                        Duration.ofSeconds(3));
    }

    @Test
    void a_successful_attempt_resets_the_delay_for_the_next_loss() {
        reconnects.lost();
        timer.runDue();
        reconnects.failed();
        timer.runDue();
        reconnects.succeeded();
        reconnects.lost();

        assertThat(timer.delays).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(500));
    }

    @Test
    void no_attempt_starts_after_close() {
        reconnects.lost();
        reconnects.close();
        timer.runDue();

        assertThat(started).isZero();
    }

    @Test
    void an_attempt_that_throws_counts_as_failed_and_another_follows() {
        ManualTimer throwingTimer = new ManualTimer();
        Reconnects throwing = new Reconnects(
                throwingTimer,
                () -> {
                    throw new IllegalStateException("client busy");
                },
                Duration.ofMillis(500),
                Duration.ofSeconds(3));

        throwing.lost();
        throwingTimer.runDue();

        assertThat(throwing.attempts()).isEqualTo(1);
        assertThat(throwingTimer.delays).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }
}
