package city.mycity.analytics.traffic.eval;

import city.mycity.analytics.eval.ErrorTally;
import city.mycity.analytics.eval.Improvement;
import city.mycity.analytics.traffic.eval.TrafficEvaluation.Forecaster;
import java.util.ArrayList;
import java.util.List;

/** The traffic evaluation's table, as {@code ./mycity eval traffic} prints it (Markdown). */
public final class TrafficReport {

    /** The model must beat the last hour plus the typical change by at least this share of its error. */
    public static final double TARGET_IMPROVEMENT = 0.10;

    private TrafficReport() {}

    public static List<String> lines(TrafficEvaluation.Result result) {
        List<String> lines = new ArrayList<>();
        lines.add("| forecaster (one hour ahead) | forecasts | MAE (vehicles/h) |");
        lines.add("|---|---:|---:|");
        for (Forecaster f : Forecaster.values()) {
            ErrorTally e = result.errors().get(f);
            lines.add(String.format("| %s | %,d | %.1f |", f.label(), e.count(), e.meanAbsoluteError()));
        }
        lines.add("");
        double gain = improvement(result);
        lines.add(String.format(
                "The model's error is %.0f%% below the last hour + median change's (target: at least %.0f%%): %s.",
                100 * gain, 100 * TARGET_IMPROVEMENT, gain >= TARGET_IMPROVEMENT ? "met" : "NOT met"));
        lines.add(result.models() + " of the week's 168 hours have a fitted model; the others use the baseline.");
        return lines;
    }

    public static double improvement(TrafficEvaluation.Result result) {
        return Improvement.over(
                result.errors().get(Forecaster.TYPICAL_CHANGE).meanAbsoluteError(),
                result.errors().get(Forecaster.MODEL).meanAbsoluteError());
    }
}
