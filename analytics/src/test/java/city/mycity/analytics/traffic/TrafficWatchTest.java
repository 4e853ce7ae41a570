package city.mycity.analytics.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.analytics.parking.DayKind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficWatchTest {

    /** Monday 3 March 2025, midnight UTC. */
    private static final Instant MONDAY = Instant.parse("2025-03-03T00:00:00Z");

    private final TrafficWatch watch = new TrafficWatch(ZoneOffset.UTC);
    private final List<TrafficWindow> windows = new ArrayList<>();
    private final List<Boolean> changes = new ArrayList<>();

    private void window(Instant start, double count, double speed) {
        for (TrafficWatch.Outcome outcome : List.of(
                watch.reading("count", count, start.plusSeconds(290)),
                watch.reading("speed", speed, start.plusSeconds(290)))) {
            outcome.window().ifPresent(windows::add);
            outcome.congestion().ifPresent(changes::add);
        }
    }

    /** Workdays at 40 km/h, 08:00 slowing to 25 km/h (as every workday), for {@code days} days. */
    private void usualWorkdays(int days) {
        for (int day = 0; day < days; day++) {
            for (int minute = 0; minute < 1440; minute += 5) {
                Instant start = MONDAY.plus(Duration.ofDays(day).plusMinutes(minute));
                boolean rush = minute >= 8 * 60 && minute < 9 * 60;
                window(start, rush ? 60 : 20, rush ? 25 : 40);
            }
        }
    }

    @Test
    void a_window_gives_the_flow_per_hour_and_the_mean_speed() {
        window(MONDAY, 30, 42);
        window(MONDAY.plusSeconds(300), 10, 50);

        assertThat(windows).singleElement().satisfies(w -> {
            assertThat(w.start()).isEqualTo(MONDAY);
            assertThat(w.vehiclesPerHour()).isEqualTo(360);
            assertThat(w.speed()).isEqualTo(42);
            assertThat(w.level()).isEqualTo(TrafficWindow.Level.UNKNOWN);
        });
    }

    @Test
    void the_usual_rush_hour_is_no_congestion() {
        usualWorkdays(5);

        assertThat(changes).isEmpty();
        assertThat(watch.typicalSpeed(DayKind.WORKDAY, 8)).isBetween(24.0, 26.0);
        assertThat(windows.get(windows.size() - 1).level()).isEqualTo(TrafficWindow.Level.FREE);
    }

    @Test
    void traffic_far_slower_than_usual_for_a_quarter_of_an_hour_is_congestion_until_it_flows_again() {
        usualWorkdays(4);
        Instant friday = MONDAY.plus(Duration.ofDays(4)).plus(Duration.ofHours(14));
        for (int i = 0; i < 6; i++) {
            window(friday.plus(Duration.ofMinutes(5L * i)), 20, 15);
        }
        assertThat(changes).containsExactly(true);
        for (int i = 6; i < 12; i++) {
            window(friday.plus(Duration.ofMinutes(5L * i)), 20, 40);
        }

        assertThat(changes).containsExactly(true, false);
        assertThat(watch.typicalSpeed(DayKind.WORKDAY, 14))
                .as("not learnt from the jam")
                .isBetween(39.0, 41.0);
    }
}
