package city.mycity.analytics.water;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NightFlowLeakDetectorTest {

    private static final LocalDateTime FIRST = LocalDateTime.of(2025, 3, 3, 0, 0);

    private final NightFlowLeakDetector detector = new NightFlowLeakDetector();
    private final List<WaterEvent> events = new ArrayList<>();

    /** A day of readings every 5 minutes: {@code night} l/min from 01:00 to 05:00, 400 otherwise. */
    private void day(int day, double night) {
        for (int minute = 0; minute < 1440; minute += 5) {
            LocalDateTime local = FIRST.plusDays(day).plusMinutes(minute);
            double flow = local.getHour() >= 1 && local.getHour() < 5 ? night : 400;
            detector.observe(local, local.toInstant(ZoneOffset.UTC), flow).ifPresent(events::add);
        }
    }

    @Test
    void a_night_flow_above_the_sensors_own_baseline_raises_a_leak_once_the_night_is_over() {
        for (int day = 0; day < 5; day++) {
            day(day, 100);
        }
        assertThat(events).isEmpty();

        day(5, 115);
        day(6, 115);

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.problem()).isEqualTo(WaterEvent.Problem.LEAK);
            assertThat(e.raised()).isTrue();
            assertThat(e.at()).isEqualTo(FIRST.plusDays(5).plusHours(4).toInstant(ZoneOffset.UTC));
            assertThat(e.detail()).contains("+15.0 l/min").contains("baseline of 100.0");
        });
    }

    @Test
    void a_leak_never_becomes_the_baseline_and_ends_when_the_night_flow_is_back() {
        for (int day = 0; day < 5; day++) {
            day(day, 100);
        }
        for (int day = 5; day < 20; day++) {
            day(day, 130);
        }
        assertThat(events).hasSize(1);

        day(20, 102);

        assertThat(events).hasSize(2).last().satisfies(e -> assertThat(e.raised())
                .isFalse());
    }

    @Test
    void a_small_wobble_is_no_leak_and_a_disturbed_night_is_not_judged() {
        for (int day = 0; day < 5; day++) {
            day(day, 100);
        }
        day(5, 106);
        for (int minute = 0; minute < 1440; minute += 5) {
            LocalDateTime local = FIRST.plusDays(6).plusMinutes(minute);
            if (local.getHour() == 3) {
                detector.disturb();
            }
            double flow = local.getHour() >= 1 && local.getHour() < 5 ? 300 : 400;
            detector.observe(local, local.toInstant(ZoneOffset.UTC), flow).ifPresent(events::add);
        }

        assertThat(events).isEmpty();
    }
}
