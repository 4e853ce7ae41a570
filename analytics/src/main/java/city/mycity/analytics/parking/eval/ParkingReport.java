package city.mycity.analytics.parking.eval;

import city.mycity.analytics.eval.ErrorTally;
import city.mycity.analytics.eval.Improvement;
import city.mycity.analytics.parking.eval.ParkingEvaluation.Forecaster;
import java.util.ArrayList;
import java.util.List;

/** The evaluation's table, as {@code ./mycity eval parking} prints it (Markdown, so that docs can take it as it is). */
public final class ParkingReport {

    /** The model must beat the adjusted last value by at least this share of its error, at every horizon. */
    public static final double TARGET_IMPROVEMENT = 0.10;

    private ParkingReport() {}

    public static List<String> lines(ParkingEvaluation.Result result) {
        List<String> lines = new ArrayList<>();
        lines.add("| horizon | forecaster | forecasts | MAE (spaces) | MAE (% of capacity) |");
        lines.add("|---|---|---:|---:|---:|");
        for (int horizon : ParkingEvaluation.HORIZONS) {
            for (Forecaster f : Forecaster.values()) {
                ErrorTally e = result.errors(horizon, f);
                lines.add(String.format(
                        "| %d min | %s | %,d | %.1f | %.2f |",
                        horizon, f.label(), e.count(), e.meanAbsoluteError(), e.percentOfScale()));
            }
        }
        lines.add("");
        for (int horizon : ParkingEvaluation.HORIZONS) {
            double gain = improvement(result, horizon);
            lines.add(String.format(
                    "At %d min the model's error is %.0f%% below the adjusted last value's (target: at least %.0f%%):"
                            + " %s.",
                    horizon, 100 * gain, 100 * TARGET_IMPROVEMENT, gain >= TARGET_IMPROVEMENT ? "met" : "NOT met"));
        }
        lines.add(
                "Fitted drift weights by horizon (minutes): " + result.fitted().driftWeights() + ", from "
                        + String.format("%,d", result.trainingCases()) + " training forecasts.");
        return lines;
    }

    /** The model's error below the adjusted last value's, as a share of the latter, at a horizon. */
    public static double improvement(ParkingEvaluation.Result result, int horizon) {
        return Improvement.over(
                result.errors(horizon, Forecaster.ADJUSTED_LAST_VALUE).meanAbsoluteError(),
                result.errors(horizon, Forecaster.MODEL).meanAbsoluteError());
    }
}
