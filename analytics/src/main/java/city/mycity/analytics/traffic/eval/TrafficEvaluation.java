package city.mycity.analytics.traffic.eval;

import city.mycity.analytics.eval.ErrorTally;
import city.mycity.analytics.traffic.HourAheadForecaster;
import city.mycity.analytics.traffic.HourlyVolumes;
import city.mycity.analytics.traffic.TrafficBaselines;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * Evaluates the hour-ahead volume forecaster against its baselines on real counts: fitted on the training file, then
 * each counted hour of the test file issues a forecast of the next hour from every count up to it (of both files),
 * scored when the next hour is counted.
 */
public final class TrafficEvaluation {

    /** The forecasters compared, in the order of the report. */
    public enum Forecaster {
        MODEL("model: linear per hour of the week"),
        LAST_HOUR("last hour"),
        WEEK_EARLIER("same hour a week earlier"),
        TYPICAL_CHANGE("last hour + median change (6 weeks)");

        private final String label;

        Forecaster(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One forecast of the model: the hour forecast and its vehicles. */
    public record Prediction(LocalDateTime hour, double predicted) {}

    public record Result(Map<Forecaster, ErrorTally> errors, int models) {}

    private final HourlyVolumes training;
    private final List<LocalDateTime> testHours;
    private final HourlyVolumes all = new HourlyVolumes();

    public TrafficEvaluation(I94Csv.Contents training, I94Csv.Contents test) {
        this.training = training.volumes();
        this.testHours = test.hours();
        training.volumes().all().forEach(all::put);
        test.volumes().all().forEach(all::put);
    }

    public Result run(Consumer<Prediction> predictions, Consumer<Double> progress) {
        HourAheadForecaster model = HourAheadForecaster.fit(training, LocalDateTime.MAX);
        Map<Forecaster, ErrorTally> errors = new EnumMap<>(Forecaster.class);
        for (Forecaster f : Forecaster.values()) {
            errors.put(f, new ErrorTally());
        }
        int done = 0;
        for (LocalDateTime t : testHours) {
            double predicted = model.forecast(all, t);
            predictions.accept(new Prediction(t.plusHours(1), predicted));
            OptionalDouble actual = all.at(t.plusHours(1));
            if (actual.isPresent()) {
                double y = actual.getAsDouble();
                errors.get(Forecaster.MODEL).add(predicted, y, 1);
                errors.get(Forecaster.LAST_HOUR).add(TrafficBaselines.lastHour(all, t), y, 1);
                errors.get(Forecaster.WEEK_EARLIER).add(TrafficBaselines.weekEarlier(all, t), y, 1);
                errors.get(Forecaster.TYPICAL_CHANGE).add(TrafficBaselines.lastHourPlusTypicalChange(all, t), y, 1);
            }
            if (++done % 1000 == 0) {
                progress.accept(done / (double) testHours.size());
            }
        }
        progress.accept(1.0);
        return new Result(errors, model.models());
    }
}
