package city.mycity.analytics.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class TrafficBaselinesTest {

    /** Monday 6 March 2017, 07:00. */
    private static final LocalDateTime SEVEN = LocalDateTime.of(2017, 3, 6, 7, 0);

    private final HourlyVolumes volumes = new HourlyVolumes();

    @Test
    void the_typical_change_is_the_median_over_the_weeks_with_both_hours_counted() {
        int[] changes = {500, 700, 600, 10_000, 550}; // week 5 is a holiday; week 6 has no 08:00
        for (int week = 1; week <= 5; week++) {
            volumes.put(SEVEN.minusWeeks(week), 3_000);
            volumes.put(SEVEN.plusHours(1).minusWeeks(week), 3_000 + changes[week - 1]);
        }
        volumes.put(SEVEN.minusWeeks(6), 3_000);
        volumes.put(SEVEN.minusWeeks(7), 3_000);
        volumes.put(SEVEN.plusHours(1).minusWeeks(7), 9_000);
        volumes.put(SEVEN, 2_800);

        assertThat(TrafficBaselines.lastHourPlusTypicalChange(volumes, SEVEN)).isEqualTo(2_800 + 600);
        assertThat(TrafficBaselines.weekEarlier(volumes, SEVEN)).isEqualTo(3_500);
        assertThat(TrafficBaselines.lastHour(volumes, SEVEN)).isEqualTo(2_800);
    }

    @Test
    void without_earlier_weeks_the_baselines_fall_back_to_the_last_hour() {
        volumes.put(SEVEN, 2_800);

        assertThat(TrafficBaselines.lastHourPlusTypicalChange(volumes, SEVEN)).isEqualTo(2_800);
        assertThat(TrafficBaselines.weekEarlier(volumes, SEVEN)).isEqualTo(2_800);
    }

    @Test
    void an_hour_given_twice_keeps_its_first_count() {
        assertThat(volumes.put(SEVEN.plusMinutes(0), 10)).isTrue();
        assertThat(volumes.put(SEVEN, 99)).isFalse();

        assertThat(volumes.at(SEVEN)).hasValue(10);
    }
}
