package city.mycity.analytics.parking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileForecasterTest {

    /** Monday 7 November 2016. */
    private static final LocalDate MONDAY = LocalDate.of(2016, 11, 7);

    private static final ProfileForecaster NO_DRIFT = ProfileForecaster.withDriftWeights(Map.of(30, 0.0));

    /** A car park that fills by 40 spaces an hour from 08:00 on every workday, observed every 30 minutes. */
    private static OccupancyHistory workdaysLike(double perHour, int days) {
        OccupancyHistory history = new OccupancyHistory();
        for (int d = days; d >= 1; d--) {
            LocalDate day = MONDAY.minusDays(d);
            if (DayKind.of(day) == DayKind.WEEKEND) {
                continue;
            }
            for (int half = 0; half <= 16; half++) {
                LocalDateTime time = day.atTime(8, 0).plusMinutes(30L * half);
                history.add(new Observation(time, 100 + perHour * half / 2));
            }
        }
        return history;
    }

    @Test
    void a_car_park_on_its_usual_course_is_forecast_along_its_profile() {
        OccupancyHistory history = workdaysLike(40, 21);
        history.add(new Observation(MONDAY.atTime(10, 0), 180));

        double forecast =
                NO_DRIFT.forecast(history, MONDAY.atTime(10, 0), 30, 500).orElseThrow();

        assertThat(forecast).isCloseTo(200, within(1.0));
    }

    @Test
    void a_car_park_busier_than_usual_keeps_its_lead_over_the_profile() {
        OccupancyHistory history = workdaysLike(40, 21);
        history.add(new Observation(MONDAY.atTime(10, 0), 250));

        double forecast =
                NO_DRIFT.forecast(history, MONDAY.atTime(10, 0), 60, 500).orElseThrow();

        assertThat(forecast).isCloseTo(290, within(1.0));
    }

    @Test
    void a_forecast_never_leaves_the_car_park_and_never_goes_below_empty() {
        OccupancyHistory history = workdaysLike(40, 21);
        history.add(new Observation(MONDAY.atTime(10, 0), 495));

        assertThat(NO_DRIFT.forecast(history, MONDAY.atTime(10, 0), 60, 500)).contains(500.0);
    }

    @Test
    void a_forecast_uses_nothing_observed_after_its_issue_time() {
        OccupancyHistory history = workdaysLike(40, 21);
        history.add(new Observation(MONDAY.atTime(10, 0), 180));
        double before =
                NO_DRIFT.forecast(history, MONDAY.atTime(10, 0), 30, 500).orElseThrow();

        history.add(new Observation(MONDAY.atTime(10, 30), 480));
        history.add(new Observation(MONDAY.atTime(10, 31), 490));

        assertThat(NO_DRIFT.forecast(history, MONDAY.atTime(10, 0), 30, 500)).contains(before);
    }

    @Test
    void without_a_profile_the_forecast_is_the_last_value() {
        OccupancyHistory history = new OccupancyHistory();
        history.add(new Observation(MONDAY.atTime(10, 0), 123));

        assertThat(NO_DRIFT.forecast(history, MONDAY.atTime(10, 0), 60, 500)).contains(123.0);
        assertThat(NO_DRIFT.forecast(history, MONDAY.atTime(9, 0), 60, 500)).isEmpty();
    }

    @Test
    void weekends_are_forecast_from_weekends() {
        OccupancyHistory history = workdaysLike(40, 21);
        LocalDate saturday = MONDAY.minusDays(2);
        for (LocalDate day = saturday.minusWeeks(3); !day.isAfter(saturday); day = day.plusDays(1)) {
            if (DayKind.of(day) == DayKind.WEEKEND) {
                for (int half = 0; half <= 16; half++) {
                    history.add(new Observation(day.atTime(8, 0).plusMinutes(30L * half), 50));
                }
            }
        }
        history.add(new Observation(MONDAY.plusDays(5).atTime(10, 0), 50));

        assertThat(NO_DRIFT.forecast(history, MONDAY.plusDays(5).atTime(10, 0), 60, 500)
                        .orElseThrow())
                .isCloseTo(50, within(0.5));
    }

    @Test
    void fitting_finds_how_much_of_the_drift_goes_on() {
        // Each day the car park drifts from its profile, and goes on drifting half as far again by the target.
        OccupancyHistory history = workdaysLike(40, 21);
        List<ProfileForecaster.Case> cases = new ArrayList<>();
        history.add(new Observation(MONDAY.atTime(9, 30), 160));
        for (int drift = -30; drift <= 30; drift += 10) {
            OccupancyHistory today = workdaysLike(40, 21);
            today.add(new Observation(MONDAY.atTime(9, 30), 160));
            today.add(new Observation(MONDAY.atTime(10, 0), 180 + drift));
            ProfileForecaster.Inputs inputs =
                    NO_DRIFT.inputs(today, MONDAY.atTime(10, 0), 30).orElseThrow();
            assertThat(inputs.drift()).isCloseTo(drift, within(0.5));
            cases.add(new ProfileForecaster.Case(inputs, 30, 500, 200 + drift * 1.5));
        }

        ProfileForecaster fitted = ProfileForecaster.fit(cases);

        assertThat(fitted.driftWeight(30)).isCloseTo(0.5, within(0.011));
        assertThat(fitted.driftWeight(15)).as("the nearest horizon fitted").isEqualTo(fitted.driftWeight(30));
    }
}
