package city.mycity.analytics.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertLifecycleTest {

    private static final Instant T0 = Instant.parse("2025-03-10T03:00:00Z");

    private final AlertLifecycle lifecycle = new AlertLifecycle(Duration.ofHours(1));
    private final List<AlertChange> changes = new ArrayList<>();
    private AlertState state;

    private void signal(boolean raised, Duration after) {
        AlertSignal signal = new AlertSignal(
                "town", "ws-0001", "leak", Severity.CRITICAL, raised, T0.plus(after), "night flow up", 50.1, 4.2);
        lifecycle.on(state, signal).ifPresent(t -> {
            state = t.state();
            changes.add(t.change());
        });
    }

    @Test
    void a_problem_raised_again_and_again_is_one_open_alert() {
        signal(true, Duration.ZERO);
        signal(true, Duration.ofMinutes(5));
        signal(true, Duration.ofHours(24));

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(AlertChange.OPEN);
            assertThat(c.openedAt()).isEqualTo(T0);
            assertThat(c.resolvedAt()).isNull();
            assertThat(c.latitude()).isEqualTo(50.1);
        });
    }

    @Test
    void a_cleared_problem_resolves_its_alert_and_a_quick_return_reopens_the_same_alert() {
        signal(true, Duration.ZERO);
        signal(false, Duration.ofHours(2));
        signal(true, Duration.ofHours(2).plusMinutes(30));

        assertThat(changes).extracting(AlertChange::status).containsExactly("open", "resolved", "open");
        assertThat(changes)
                .extracting(AlertChange::id)
                .containsOnly(changes.get(0).id());
        assertThat(changes.get(2).reopened()).isEqualTo(1);
    }

    @Test
    void a_problem_back_long_after_its_resolution_is_a_new_alert() {
        signal(true, Duration.ZERO);
        signal(false, Duration.ofHours(2));
        signal(true, Duration.ofHours(5));

        assertThat(changes).hasSize(3);
        assertThat(changes.get(2).id()).isNotEqualTo(changes.get(0).id());
        assertThat(changes.get(2).openedAt()).isEqualTo(T0.plus(Duration.ofHours(5)));
    }

    @Test
    void a_clear_decided_by_a_late_reading_is_still_the_newest_change() {
        signal(true, Duration.ofHours(3));
        signal(false, Duration.ofHours(1));

        assertThat(changes).extracting(AlertChange::status).containsExactly("open", "resolved");
        assertThat(changes.get(1).changedAt()).isEqualTo(T0.plus(Duration.ofHours(3)));
        assertThat(changes.get(1).resolvedAt()).isEqualTo(T0.plus(Duration.ofHours(3)));
    }

    @Test
    void a_clear_without_an_open_alert_changes_nothing() {
        signal(false, Duration.ZERO);

        assertThat(changes).isEmpty();
    }

    @Test
    void the_same_signals_replayed_give_the_same_alert_ids() {
        signal(true, Duration.ZERO);
        String first = changes.get(0).id();
        state = null;
        changes.clear();

        signal(true, Duration.ZERO);

        assertThat(changes.get(0).id()).isEqualTo(first);
    }
}
