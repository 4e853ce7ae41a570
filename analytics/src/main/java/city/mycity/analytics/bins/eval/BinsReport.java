package city.mycity.analytics.bins.eval;

import city.mycity.analytics.eval.Improvement;
import java.util.List;

/** The bins evaluation's table, as {@code ./mycity eval bins} prints it (Markdown). */
public final class BinsReport {

    private BinsReport() {}

    public static List<String> lines(BinsEvaluation.Result r) {
        double gain = improvement(r);
        return List.of(
                "| collections | forecaster | forecasts | MAE (fill, percentage points) |",
                "|---|---|---:|---:|",
                row("all but each bin's first", "model: filling + habit", r.model()),
                row("all but each bin's first", "as at the previous collection", r.baseline()),
                row("from " + r.lateFrom().toLocalDate() + " (last 4 weeks)", "model: filling + habit", r.lateModel()),
                row(
                        "from " + r.lateFrom().toLocalDate() + " (last 4 weeks)",
                        "as at the previous collection",
                        r.lateBaseline()),
                "",
                String.format(
                        "The model's error is %.0f%% below the baseline's: %s.",
                        100 * gain, gain > 0 ? "beaten" : "NOT beaten"));
    }

    public static double improvement(BinsEvaluation.Result r) {
        return Improvement.over(r.baseline().meanAbsoluteError(), r.model().meanAbsoluteError());
    }

    private static String row(String collections, String forecaster, city.mycity.analytics.eval.ErrorTally e) {
        return String.format("| %s | %s | %,d | %.2f |", collections, forecaster, e.count(), e.meanAbsoluteError());
    }
}
