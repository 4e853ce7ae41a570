package city.mycity.analytics.water;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PressureBurstDetectorTest {

    private static final LocalDateTime FIRST = LocalDateTime.of(2025, 3, 3, 0, 0);

    private final PressureBurstDetector detector = new PressureBurstDetector();
    private final List<WaterEvent> events = new ArrayList<>();

    /** The usual course: 5 bar at night, falling fast to 3.5 bar between 07:00 and 07:30, back by 10:00. */
    private static double usual(LocalDateTime local) {
        double hour = local.getHour() + local.getMinute() / 60.0;
        if (hour < 7 || hour >= 10) {
            return 5.0;
        }
        return hour < 7.5 ? 5.0 - 3 * (hour - 7) : 3.5 + 0.6 * (hour - 7.5);
    }

    private void reading(LocalDateTime local, double pressure) {
        detector.observe(local, local.toInstant(ZoneOffset.UTC), pressure).ifPresent(events::add);
    }

    private void usualDays(int days) {
        for (int minute = 0; minute < days * 1440; minute += 5) {
            LocalDateTime local = FIRST.plusMinutes(minute);
            reading(local, usual(local));
        }
    }

    @Test
    void the_usual_morning_fall_is_no_burst_once_the_course_is_learnt() {
        usualDays(14);

        assertThat(events).isEmpty();
    }

    @Test
    void a_sudden_fall_that_stays_is_a_burst_within_two_readings_and_ends_when_the_pressure_is_back() {
        usualDays(7);
        LocalDateTime burst = FIRST.plusDays(7).plusHours(12);
        for (int minute = 0; minute < 12 * 60; minute += 5) {
            reading(FIRST.plusDays(7).plusMinutes(minute), 5.0);
        }

        reading(burst, 4.1);
        reading(burst.plusMinutes(5), 4.1);
        reading(burst.plusMinutes(10), 4.15);
        reading(burst.plusMinutes(15), 4.95);

        assertThat(events).hasSize(2);
        assertThat(events.get(0).raised()).isTrue();
        assertThat(events.get(0).at()).isEqualTo(burst.plusMinutes(5).toInstant(ZoneOffset.UTC));
        assertThat(events.get(1).raised()).isFalse();
    }

    @Test
    void a_single_low_reading_is_no_burst() {
        usualDays(7);
        LocalDateTime glitch = FIRST.plusDays(7).plusHours(12);

        reading(glitch, 4.0);
        reading(glitch.plusMinutes(5), 5.0);

        assertThat(events).isEmpty();
    }
}
