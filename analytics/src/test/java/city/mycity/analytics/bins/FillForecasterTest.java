package city.mycity.analytics.bins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FillForecasterTest {

    private static final LocalDateTime MONDAY = LocalDateTime.of(2016, 6, 6, 8, 0);

    private final FillForecaster forecaster = new FillForecaster();

    /** A bin that gains 1% an hour and is emptied every two days, found 48% full each time. */
    private static List<Collection> steady(int collections) {
        List<Collection> list = new ArrayList<>();
        for (int i = 0; i < collections; i++) {
            list.add(new Collection(MONDAY.plusDays(2L * i), 48, 0));
        }
        return list;
    }

    @Test
    void a_steady_bin_is_forecast_as_full_as_it_always_is() {
        List<Collection> earlier = steady(6);

        assertThat(forecaster.fillRatePerHour(earlier)).hasValueCloseTo(1.0, within(1e-9));
        assertThat(forecaster.forecast(earlier, MONDAY.plusDays(12))).hasValueCloseTo(48.0, within(1e-9));
    }

    @Test
    void a_later_round_finds_the_bin_fuller_but_never_above_100() {
        List<Collection> earlier = steady(6);

        double later = forecaster.forecast(earlier, MONDAY.plusDays(13)).orElseThrow();
        double muchLater = forecaster.forecast(earlier, MONDAY.plusDays(40)).orElseThrow();

        assertThat(later).as("(72 + 48) / 2").isCloseTo(60, within(1e-9));
        assertThat(muchLater).isLessThanOrEqualTo(100);
    }

    @Test
    void the_latest_intervals_weigh_most_in_the_rate() {
        List<Collection> earlier = new ArrayList<>(steady(3)); // 1% an hour
        earlier.add(new Collection(MONDAY.plusDays(6), 96, 0)); // then 2% an hour

        // Weights 1, 0.7 and 0.49 from the latest interval back.
        assertThat(forecaster.fillRatePerHour(earlier).orElseThrow())
                .isCloseTo((2 * 1 + 1 * 0.7 + 1 * 0.49) / (1 + 0.7 + 0.49), within(1e-9));
    }

    @Test
    void with_one_earlier_collection_the_forecast_is_its_fill_and_with_none_there_is_none() {
        assertThat(forecaster.forecast(steady(1), MONDAY.plusDays(2))).hasValue(48);
        assertThat(forecaster.forecast(List.of(), MONDAY)).isEmpty();
    }

    @Test
    void a_bin_is_full_when_its_rate_reaches_the_threshold_after_its_last_emptying() {
        assertThat(forecaster.fullAt(steady(4), 80)).contains(MONDAY.plusDays(6).plusHours(80));
        assertThat(forecaster.fullAt(steady(1), 80)).isEmpty();
    }
}
