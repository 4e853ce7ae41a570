package city.mycity.analytics.parking.eval;

import city.mycity.analytics.eval.ErrorTally;
import city.mycity.analytics.parking.Observation;
import city.mycity.analytics.parking.OccupancyHistory;
import city.mycity.analytics.parking.ParkingBaselines;
import city.mycity.analytics.parking.ProfileForecaster;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Evaluates the car-park forecaster against its baselines on real data: the forecaster is fitted on the training
 * file's readings, then every reading of the test file issues one forecast per horizon, from the readings up to its
 * time (of both files), and is scored against the reading nearest to its target time (within {@link
 * ParkingBaselines#NEAR}, later on the same day); a forecast without such a reading is not scored.
 */
public final class ParkingEvaluation {

    /** The horizons scored, in minutes. */
    public static final List<Integer> HORIZONS = List.of(30, 60);

    /** The forecasters compared, in the order of the report. */
    public enum Forecaster {
        MODEL("model: profile + drift"),
        LAST_VALUE("last value"),
        WEEK_EARLIER("same time a week earlier"),
        ADJUSTED_LAST_VALUE("adjusted last value");

        private final String label;

        Forecaster(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One forecast of the model, for {@code --predictions}. */
    public record Prediction(String carPark, String issuedAt, int horizonMinutes, double predicted) {}

    /** The errors of each forecaster at each horizon, and the fitted forecaster. */
    public record Result(
            ProfileForecaster fitted, Map<Integer, Map<Forecaster, ErrorTally>> errors, long trainingCases) {

        public ErrorTally errors(int horizon, Forecaster forecaster) {
            return errors.get(horizon).get(forecaster);
        }
    }

    private final Map<String, OccupancyHistory> histories = new HashMap<>();
    private final Map<String, Integer> capacities = new HashMap<>();
    private final List<ParkingRecord> training;
    private final List<ParkingRecord> test;

    public ParkingEvaluation(List<ParkingRecord> training, List<ParkingRecord> test) {
        this.training = sorted(training);
        this.test = sorted(test);
        for (List<ParkingRecord> records : List.of(this.training, this.test)) {
            for (ParkingRecord r : records) {
                histories
                        .computeIfAbsent(r.carPark(), id -> new OccupancyHistory())
                        .add(new Observation(r.updated(), r.occupancy()));
                capacities.merge(r.carPark(), r.capacity(), Math::max);
            }
        }
    }

    /**
     * Fits on the training readings, then scores the test readings, giving each of the model's forecasts to {@code
     * predictions}.
     */
    public Result run(Consumer<Prediction> predictions, Consumer<Double> progress) {
        List<ProfileForecaster.Case> cases = new ArrayList<>();
        ProfileForecaster inputsOnly = ProfileForecaster.defaults();
        for (ParkingRecord r : training) {
            for (int horizon : HORIZONS) {
                Optional<Double> actual = target(r, horizon);
                if (actual.isPresent()) {
                    inputsOnly
                            .inputs(histories.get(r.carPark()), r.updated(), horizon)
                            .ifPresent(in ->
                                    cases.add(new ProfileForecaster.Case(in, horizon, r.capacity(), actual.get())));
                }
            }
        }
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("The training file gives nothing to fit on: no reading has a later one"
                    + " near " + HORIZONS + " minutes ahead on its day.");
        }
        ProfileForecaster model = ProfileForecaster.fit(cases);
        Map<Integer, Map<Forecaster, ErrorTally>> errors = new LinkedHashMap<>();
        for (int horizon : HORIZONS) {
            Map<Forecaster, ErrorTally> byForecaster = new LinkedHashMap<>();
            for (Forecaster f : Forecaster.values()) {
                byForecaster.put(f, new ErrorTally());
            }
            errors.put(horizon, byForecaster);
        }
        int done = 0;
        for (ParkingRecord r : test) {
            OccupancyHistory history = histories.get(r.carPark());
            for (int horizon : HORIZONS) {
                double predicted = model.forecast(history, r.updated(), horizon, r.capacity())
                        .orElseThrow();
                predictions.accept(new Prediction(r.carPark(), r.updatedText(), horizon, predicted));
                Optional<Double> actual = target(r, horizon);
                if (actual.isEmpty()) {
                    continue;
                }
                Map<Forecaster, ErrorTally> tally = errors.get(horizon);
                double y = actual.get();
                tally.get(Forecaster.MODEL).add(predicted, y, r.capacity());
                tally.get(Forecaster.LAST_VALUE).add(ParkingBaselines.lastValue(history, r.updated()), y, r.capacity());
                tally.get(Forecaster.WEEK_EARLIER)
                        .add(ParkingBaselines.weekEarlier(history, r.updated(), horizon), y, r.capacity());
                tally.get(Forecaster.ADJUSTED_LAST_VALUE)
                        .add(ParkingBaselines.adjustedLastValue(history, r.updated(), horizon), y, r.capacity());
            }
            if (++done % 1000 == 0) {
                progress.accept(done / (double) test.size());
            }
        }
        progress.accept(1.0);
        return new Result(model, errors, cases.size());
    }

    /** The reading nearest to the target time, later on the issue's day and within {@link ParkingBaselines#NEAR}. */
    private Optional<Double> target(ParkingRecord issue, int horizon) {
        LocalDateTime target = issue.updated().plusMinutes(horizon);
        Observation best = null;
        for (Observation o : histories
                .get(issue.carPark())
                .between(
                        target.minus(ParkingBaselines.NEAR),
                        target.plus(ParkingBaselines.NEAR).plusNanos(1))) {
            boolean eligible = o.time().isAfter(issue.updated())
                    && o.time().toLocalDate().equals(issue.updated().toLocalDate());
            if (eligible
                    && (best == null
                            || Duration.between(o.time(), target)
                                            .abs()
                                            .compareTo(Duration.between(best.time(), target)
                                                    .abs())
                                    < 0)) {
                best = o;
            }
        }
        return best == null ? Optional.empty() : Optional.of(best.occupied());
    }

    private static List<ParkingRecord> sorted(List<ParkingRecord> records) {
        List<ParkingRecord> copy = new ArrayList<>(records);
        copy.sort(Comparator.comparing(ParkingRecord::updated).thenComparing(ParkingRecord::carPark));
        return copy;
    }
}
