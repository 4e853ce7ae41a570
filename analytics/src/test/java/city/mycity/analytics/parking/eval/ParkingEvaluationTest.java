package city.mycity.analytics.parking.eval;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.analytics.parking.eval.ParkingEvaluation.Forecaster;
import city.mycity.testkit.SharedData;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The forecaster on Birmingham's real car parks, trained on October 2016 and tested on November, as given. */
class ParkingEvaluationTest {

    private static ParkingEvaluation.Result result;
    private static final List<ParkingEvaluation.Prediction> predictions = new ArrayList<>();
    private static int testReadings;

    @BeforeAll
    static void evaluate() {
        BirminghamCsv.Contents all =
                BirminghamCsv.read(SharedData.resolve("parking-birmingham/parking_birmingham_2016-10_2016-11.csv"));
        List<ParkingRecord> october = all.records().stream()
                .filter(r -> r.updated().getMonth() == Month.OCTOBER)
                .toList();
        List<ParkingRecord> november = all.records().stream()
                .filter(r -> r.updated().getMonth() == Month.NOVEMBER)
                .toList();
        testReadings = november.size();
        result = new ParkingEvaluation(october, november).run(predictions::add, share -> {});
    }

    @Test
    void the_model_beats_the_adjusted_last_value_by_at_least_ten_percent_at_both_horizons() {
        for (int horizon : ParkingEvaluation.HORIZONS) {
            assertThat(ParkingReport.improvement(result, horizon))
                    .as("%d min", horizon)
                    .isGreaterThanOrEqualTo(0.10);
        }
    }

    @Test
    void the_adjusted_last_value_beats_the_other_two_baselines() {
        for (int horizon : ParkingEvaluation.HORIZONS) {
            double adjusted =
                    result.errors(horizon, Forecaster.ADJUSTED_LAST_VALUE).meanAbsoluteError();
            assertThat(adjusted)
                    .isLessThan(result.errors(horizon, Forecaster.LAST_VALUE).meanAbsoluteError())
                    .isLessThan(result.errors(horizon, Forecaster.WEEK_EARLIER).meanAbsoluteError());
        }
    }

    @Test
    void every_test_reading_issues_a_forecast_per_horizon_and_most_are_scored() {
        assertThat(predictions).hasSize(testReadings * ParkingEvaluation.HORIZONS.size());
        assertThat(result.errors(30, Forecaster.MODEL).count()).isGreaterThan(testReadings * 9L / 10);
        assertThat(result.errors(30, Forecaster.MODEL).count())
                .isEqualTo(result.errors(30, Forecaster.LAST_VALUE).count());
    }
}
