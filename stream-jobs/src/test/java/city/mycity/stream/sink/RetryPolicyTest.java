package city.mycity.stream.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void pauses_double_up_to_the_most_and_stop_once_the_budget_would_be_spent() {
        RetryPolicy policy = new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMillis(1500));
        RetryPolicy.Attempts attempts = policy.start();

        List<Long> pauses = new ArrayList<>();
        for (long pause = attempts.nextPauseMillis(); pause >= 0; pause = attempts.nextPauseMillis()) {
            pauses.add(pause);
        }

        assertThat(pauses).containsExactly(100L, 200L, 400L, 400L, 400L);
        assertThat(attempts.count()).isEqualTo(6);
    }

    @Test
    void no_retry_gives_up_at_the_first_transient_error() {
        assertThat(RetryPolicy.none().start().nextPauseMillis()).isNegative();
    }

    @Test
    void rejects_pauses_that_shrink() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(9)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
