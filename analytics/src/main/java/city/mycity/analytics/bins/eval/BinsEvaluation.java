package city.mycity.analytics.bins.eval;

import city.mycity.analytics.bins.Collection;
import city.mycity.analytics.bins.FillForecaster;
import city.mycity.analytics.eval.ErrorTally;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * Forecasts each bin's fill at each of its collections from its earlier ones, and scores the forecast and the
 * baseline "as full as at the previous collection" against the fill the collection found. Every collection but each
 * bin's first is scored; those in the file's last {@value #LATE_WEEKS} weeks are also scored apart.
 */
public final class BinsEvaluation {

    /** The late part of the file, scored apart. */
    public static final int LATE_WEEKS = 4;

    /** One forecast of the model. */
    public record Prediction(String site, LocalDateTime collectedAt, double predicted) {}

    /** The errors of the model and of the baseline, over every scored collection and over the late ones. */
    public record Result(
            ErrorTally model,
            ErrorTally baseline,
            ErrorTally lateModel,
            ErrorTally lateBaseline,
            LocalDateTime lateFrom) {}

    private final Map<String, List<Collection>> bySite;
    private final FillForecaster forecaster = new FillForecaster();

    public BinsEvaluation(EdinburghCsv.Contents contents) {
        this.bySite = contents.bySite();
    }

    public Result run(Consumer<Prediction> predictions) {
        LocalDateTime last = bySite.values().stream()
                .map(list -> list.get(list.size() - 1).time())
                .max(LocalDateTime::compareTo)
                .orElseThrow(() -> new IllegalArgumentException("The file has no collections."));
        LocalDateTime lateFrom = last.minusWeeks(LATE_WEEKS);
        Result result = new Result(new ErrorTally(), new ErrorTally(), new ErrorTally(), new ErrorTally(), lateFrom);
        bySite.forEach((site, collections) -> {
            for (int k = 1; k < collections.size(); k++) {
                Collection now = collections.get(k);
                List<Collection> earlier = collections.subList(0, k);
                OptionalDouble forecast = forecaster.forecast(earlier, now.time());
                double predicted = forecast.orElseThrow();
                double baseline = collections.get(k - 1).fillBefore();
                predictions.accept(new Prediction(site, now.time(), predicted));
                result.model().add(predicted, now.fillBefore(), 100);
                result.baseline().add(baseline, now.fillBefore(), 100);
                if (!now.time().isBefore(lateFrom)) {
                    result.lateModel().add(predicted, now.fillBefore(), 100);
                    result.lateBaseline().add(baseline, now.fillBefore(), 100);
                }
            }
        });
        return result;
    }
}
