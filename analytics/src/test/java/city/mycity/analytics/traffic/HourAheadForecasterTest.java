package city.mycity.analytics.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HourAheadForecasterTest {

    private static final LocalDateTime START = LocalDateTime.of(2016, 1, 4, 0, 0);

    /** A road whose hours follow a daily shape, busier on some days than others by a common factor. */
    private static HourlyVolumes road(int weeks, long seed) {
        Random random = new Random(seed);
        HourlyVolumes volumes = new HourlyVolumes();
        for (int day = 0; day < weeks * 7; day++) {
            double busy = 0.8 + 0.4 * random.nextDouble();
            for (int hour = 0; hour < 24; hour++) {
                double shape = 500 + 3_000 * Math.exp(-Math.pow((hour - 8) / 2.0, 2)) + 1_000 * Math.sin(hour / 4.0);
                volumes.put(START.plusDays(day).plusHours(hour), Math.max(0, busy * shape));
            }
        }
        return volumes;
    }

    @Test
    void a_fitted_model_follows_a_day_busier_than_usual_better_than_the_typical_change() {
        HourlyVolumes training = road(30, 1);
        HourAheadForecaster model = HourAheadForecaster.fit(training, LocalDateTime.MAX);
        HourlyVolumes test = road(40, 2);

        double modelError = 0;
        double baselineError = 0;
        for (int day = 30 * 7; day < 40 * 7; day++) {
            for (int hour = 0; hour < 23; hour++) {
                LocalDateTime t = START.plusDays(day).plusHours(hour);
                double actual = test.at(t.plusHours(1)).orElseThrow();
                modelError += Math.abs(model.forecast(test, t) - actual);
                baselineError += Math.abs(TrafficBaselines.lastHourPlusTypicalChange(test, t) - actual);
            }
        }

        assertThat(model.models()).isEqualTo(168);
        assertThat(modelError).isLessThan(baselineError * 0.5);
    }

    @Test
    void a_forecast_uses_nothing_after_its_hour() {
        HourlyVolumes volumes = road(10, 3);
        HourAheadForecaster model = HourAheadForecaster.fit(volumes, LocalDateTime.MAX);
        LocalDateTime t = START.plusWeeks(9).plusHours(7);
        double before = model.forecast(volumes, t);

        HourlyVolumes changedFuture = new HourlyVolumes();
        volumes.all().forEach((hour, vehicles) -> changedFuture.put(hour, hour.isAfter(t) ? 99_999 : vehicles));

        assertThat(model.forecast(changedFuture, t)).isCloseTo(before, within(1e-9));
    }

    @Test
    void without_earlier_weeks_it_falls_back_to_the_baseline() {
        HourlyVolumes volumes = road(1, 4);
        HourAheadForecaster model = HourAheadForecaster.fit(road(20, 5), LocalDateTime.MAX);
        LocalDateTime t = START.plusHours(30);

        assertThat(model.forecast(volumes, t)).isEqualTo(TrafficBaselines.lastHourPlusTypicalChange(volumes, t));
    }
}
