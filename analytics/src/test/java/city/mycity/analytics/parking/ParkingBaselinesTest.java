package city.mycity.analytics.parking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ParkingBaselinesTest {

    /** Wednesday 9 November 2016. */
    private static final LocalDate WEDNESDAY = LocalDate.of(2016, 11, 9);

    private final OccupancyHistory history = new OccupancyHistory();

    @Test
    void the_adjusted_last_value_adds_the_typical_change_between_the_half_hour_slots() {
        // The previous four Wednesdays and Mondays: 100 in the 10:00 slot, 160 in the 11:00 slot.
        for (int week = 1; week <= 4; week++) {
            for (LocalDate day : new LocalDate[] {
                WEDNESDAY.minusWeeks(week), WEDNESDAY.minusWeeks(week).minusDays(2)
            }) {
                history.add(new Observation(day.atTime(10, 25), 100));
                history.add(new Observation(day.atTime(11, 5), 160));
            }
        }
        // Five weeks back is too far, and a weekend is another kind of day.
        history.add(new Observation(WEDNESDAY.minusWeeks(5).atTime(11, 5), 900));
        history.add(new Observation(WEDNESDAY.minusDays(4).atTime(11, 5), 900));
        history.add(new Observation(WEDNESDAY.atTime(10, 10), 120));

        assertThat(ParkingBaselines.adjustedLastValue(history, WEDNESDAY.atTime(10, 10), 60))
                .isEqualTo(180);
        assertThat(ParkingBaselines.adjustedLastValue(history, WEDNESDAY.atTime(10, 10), 15))
                .as("the same slot: no change")
                .isEqualTo(120);
    }

    @Test
    void a_week_earlier_is_the_observation_nearest_the_target_then_or_else_the_last_value() {
        history.add(new Observation(WEDNESDAY.minusWeeks(1).atTime(11, 8), 140));
        history.add(new Observation(WEDNESDAY.minusWeeks(1).atTime(11, 40), 170));
        history.add(new Observation(WEDNESDAY.atTime(10, 0), 90));

        assertThat(ParkingBaselines.weekEarlier(history, WEDNESDAY.atTime(10, 0), 60))
                .isEqualTo(140);
        assertThat(ParkingBaselines.weekEarlier(history, WEDNESDAY.atTime(12, 30), 60))
                .as("nothing near 13:30 a week earlier")
                .isEqualTo(90);
        assertThat(ParkingBaselines.lastValue(history, WEDNESDAY.atTime(12, 30)))
                .isEqualTo(90);
    }
}
