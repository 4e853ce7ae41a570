package city.mycity.analytics.traffic.eval;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.analytics.traffic.eval.TrafficEvaluation.Forecaster;
import city.mycity.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hour-ahead forecaster on the real I-94 counts: fitted on 2012-2016, tested on 2017, as given. */
class TrafficEvaluationTest {

    @TempDir
    static Path folder;

    private static TrafficEvaluation.Result result;
    private static final List<TrafficEvaluation.Prediction> predictions = new ArrayList<>();
    private static I94Csv.Contents test;

    @BeforeAll
    static void evaluate() throws Exception {
        List<String> lines = Files.readAllLines(SharedData.resolve("traffic-i94/i94_traffic_volume_2012-2017.csv"));
        Path before2017 = Files.write(
                folder.resolve("2012-2016.csv"),
                lines.stream().filter(line -> !line.contains(",2017-")).toList());
        Path in2017 = Files.write(
                folder.resolve("2017.csv"),
                lines.stream()
                        .filter(line -> line.startsWith("holiday,") || line.contains(",2017-"))
                        .toList());
        test = I94Csv.read(in2017);
        result = new TrafficEvaluation(I94Csv.read(before2017), test).run(predictions::add, share -> {});
    }

    @Test
    void the_model_beats_the_last_hour_plus_the_typical_change_by_at_least_ten_percent() {
        assertThat(TrafficReport.improvement(result)).isGreaterThanOrEqualTo(0.10);
    }

    @Test
    void the_typical_change_beats_the_other_baselines_and_all_are_scored_on_the_same_hours() {
        double typical = result.errors().get(Forecaster.TYPICAL_CHANGE).meanAbsoluteError();
        assertThat(typical)
                .isLessThan(result.errors().get(Forecaster.LAST_HOUR).meanAbsoluteError())
                .isLessThan(result.errors().get(Forecaster.WEEK_EARLIER).meanAbsoluteError());
        assertThat(result.errors().get(Forecaster.MODEL).count())
                .isEqualTo(result.errors().get(Forecaster.LAST_HOUR).count())
                .isGreaterThan(8_000);
    }

    @Test
    void every_counted_test_hour_forecasts_the_next_and_repeated_hours_count_once() {
        assertThat(predictions).hasSize(test.hours().size());
        assertThat(test.repeats()).isPositive();
        assertThat(test.hours()).doesNotHaveDuplicates();
    }
}
