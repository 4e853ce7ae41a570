package city.mycity.analytics.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthWatchTest {

    private static final Instant T0 = Instant.parse("2025-03-03T08:00:00Z");

    private final HealthWatch watch = new HealthWatch();
    private final List<HealthEvent> events = new ArrayList<>();

    private void reading(String quantity, double value, Duration after) {
        events.addAll(watch.reading(quantity, value, T0.plus(after)));
    }

    @Test
    void a_device_silent_for_three_of_its_longest_usual_silences_is_offline_until_it_reports_again() {
        for (int i = 0; i <= 10; i++) {
            reading("flow", 100 + i, Duration.ofMinutes(5L * i));
        }
        Instant deadline = T0.plus(Duration.ofMinutes(50 + 15));

        assertThat(watch.deadline()).contains(deadline);
        assertThat(watch.missed(deadline.minusSeconds(1))).isEmpty();
        assertThat(watch.missed(deadline)).hasValueSatisfying(e -> {
            assertThat(e.problem()).isEqualTo(HealthWatch.OFFLINE);
            assertThat(e.at()).isEqualTo(deadline);
        });
        assertThat(watch.deadline()).as("no second offline").isEmpty();

        reading("flow", 99, Duration.ofHours(5));

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.problem()).isEqualTo(HealthWatch.OFFLINE);
            assertThat(e.raised()).isFalse();
        });
    }

    @Test
    void a_heartbeat_every_half_hour_is_allowed_its_half_hour() {
        reading("occupied", 1, Duration.ZERO);
        reading("occupied", 0, Duration.ofMinutes(3));
        reading("occupied", 1, Duration.ofMinutes(6));
        reading("occupied", 1, Duration.ofMinutes(36));

        assertThat(watch.deadline()).contains(T0.plus(Duration.ofMinutes(36 + 90)));
    }

    @Test
    void a_new_device_is_allowed_half_an_hour_until_its_silences_are_known() {
        reading("flow", 100, Duration.ZERO);

        assertThat(watch.deadline()).contains(T0.plus(Duration.ofMinutes(90)));
    }

    @Test
    void a_battery_under_fifteen_percent_is_low_until_it_is_back_at_twenty() {
        reading("battery", 16, Duration.ZERO);
        reading("battery", 14, Duration.ofDays(1));
        reading("battery", 13, Duration.ofDays(2));
        reading("battery", 18, Duration.ofDays(3));
        reading("battery", 100, Duration.ofDays(4));

        assertThat(events)
                .extracting(HealthEvent::problem, HealthEvent::raised)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(HealthWatch.BATTERY_LOW, true),
                        org.assertj.core.groups.Tuple.tuple(HealthWatch.BATTERY_LOW, false));
    }

    @Test
    void a_moving_quantity_that_holds_still_twelve_times_is_stuck_until_it_moves() {
        for (int i = 0; i < 12; i++) {
            reading("pressure", 4.52, Duration.ofMinutes(5L * i));
            reading("occupied", 1, Duration.ofMinutes(5L * i));
        }
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.problem()).isEqualTo(HealthWatch.STUCK);
            assertThat(e.detail()).contains("pressure has read 4.52 12 times");
        });

        reading("pressure", 4.55, Duration.ofHours(1));

        assertThat(events).hasSize(2).last().satisfies(e -> assertThat(e.raised())
                .isFalse());
    }

    @Test
    void a_device_with_a_tenth_of_its_latest_readings_out_of_range_has_a_problem_until_under_two_percent() {
        int minute = 0;
        for (; minute < 50; minute++) {
            reading("flow", 100 + minute, Duration.ofMinutes(minute));
        }
        for (int i = 0; i < 9; i++, minute++) {
            events.addAll(watch.refused(T0.plus(Duration.ofMinutes(minute)), "'flow' of -5.0 is outside [0.0, 1.0E7]"));
        }
        assertThat(events).as("9 of 59: not yet").isEmpty();

        events.addAll(watch.refused(T0.plus(Duration.ofMinutes(minute++)), "'flow' of -5.0 is outside [0.0, 1.0E7]"));

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.problem()).isEqualTo(HealthWatch.OUT_OF_RANGE);
            assertThat(e.raised()).isTrue();
            assertThat(e.detail()).startsWith("10 of its latest 60 readings").endsWith("outside [0.0, 1.0E7]");
        });

        for (int i = 0; i < 98; i++, minute++) {
            reading("flow", 100 + i % 7, Duration.ofMinutes(minute));
        }
        assertThat(events).as("2 of the latest 100 are still out of range").hasSize(1);

        reading("flow", 101, Duration.ofMinutes(minute));

        assertThat(events).hasSize(2).last().satisfies(e -> assertThat(e.raised())
                .isFalse());
    }

    @Test
    void a_rare_spike_is_no_problem_and_a_device_sending_only_bad_values_is_out_of_range_not_offline() {
        HealthWatch spiky = new HealthWatch();
        List<HealthEvent> seen = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Instant at = T0.plus(Duration.ofMinutes(i));
            seen.addAll(i % 25 == 0 ? spiky.refused(at, "spike") : spiky.reading("flow", 100 + i % 7, at));
        }
        assertThat(seen).as("4%% out of range").isEmpty();

        for (int i = 0; i < 10; i++) {
            events.addAll(watch.refused(T0.plus(Duration.ofMinutes(i)), "garbage"));
        }
        assertThat(watch.deadline())
                .as("seen at 9 minutes, three of its 1-minute silences")
                .contains(T0.plus(Duration.ofMinutes(9 + 3)));
        assertThat(events).extracting(HealthEvent::problem).containsExactly(HealthWatch.OUT_OF_RANGE);
    }

    @Test
    void a_watch_kept_before_the_out_of_range_rate_existed_still_watches() throws Exception {
        reading("flow", 100, Duration.ZERO);
        java.lang.reflect.Field outcomes = HealthWatch.class.getDeclaredField("outcomes");
        outcomes.setAccessible(true);
        outcomes.set(watch, null); // as Java serialization leaves a field the stored bytes do not have

        for (int i = 1; i <= 10; i++) {
            events.addAll(watch.refused(T0.plus(Duration.ofMinutes(i)), "bad"));
        }

        assertThat(events).extracting(HealthEvent::problem).containsExactly(HealthWatch.OUT_OF_RANGE);
    }

    @Test
    void a_gateway_whose_outbox_holds_readings_ten_minutes_old_has_a_backlog_until_it_catches_up() {
        reading("outbox-oldest-age", 30, Duration.ZERO);
        reading("outbox-oldest-age", 660, Duration.ofMinutes(11));
        reading("outbox-oldest-age", 300, Duration.ofMinutes(12));
        reading("outbox-oldest-age", 5, Duration.ofMinutes(13));

        assertThat(events)
                .extracting(HealthEvent::problem, HealthEvent::raised)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(HealthWatch.BACKLOG, true),
                        org.assertj.core.groups.Tuple.tuple(HealthWatch.BACKLOG, false));
    }
}
