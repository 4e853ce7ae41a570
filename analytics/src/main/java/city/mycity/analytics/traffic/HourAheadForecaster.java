package city.mycity.analytics.traffic;

import city.mycity.analytics.eval.LeastSquares;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Forecasts a segment's volume in the next hour, once the current hour is counted: a linear model per hour of the week
 * (168 of them, fitted by least squares on a training period) over what is known then: this hour's count and the
 * hour's before it, and over the same weekday in the previous {@value #WEEKS} weeks the median and the mean of this
 * hour's and of the next hour's counts, and the next hour's count one week before.
 *
 * <p>Where an hour of the week has no model, or fewer than two earlier weeks have both hours counted, it falls back to
 * {@link TrafficBaselines#lastHourPlusTypicalChange}. A forecast is never negative. Immutable; serializable.
 */
public final class HourAheadForecaster implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How many earlier weeks the features look at. */
    public static final int WEEKS = 6;

    private final Map<Integer, double[]> coefficients;

    private HourAheadForecaster(Map<Integer, double[]> coefficients) {
        this.coefficients = Map.copyOf(coefficients);
    }

    /** A forecast's features and what it should have given: one example to fit on. */
    public record Example(LocalDateTime hour, double[] features, double actual) {}

    /**
     * The model fitted on every counted hour of {@code volumes} before {@code until} whose next hour is counted too.
     */
    public static HourAheadForecaster fit(HourlyVolumes volumes, LocalDateTime until) {
        Map<Integer, List<double[]>> x = new HashMap<>();
        Map<Integer, List<Double>> y = new HashMap<>();
        for (Map.Entry<LocalDateTime, Double> entry : volumes.all().entrySet()) {
            LocalDateTime t = entry.getKey();
            OptionalDouble next = volumes.at(t.plusHours(1));
            if (!t.plusHours(1).isBefore(until) || next.isEmpty()) {
                continue;
            }
            features(volumes, t).ifPresent(f -> {
                x.computeIfAbsent(hourOfWeek(t), h -> new ArrayList<>()).add(f);
                y.computeIfAbsent(hourOfWeek(t), h -> new ArrayList<>()).add(next.getAsDouble());
            });
        }
        Map<Integer, double[]> fitted = new HashMap<>();
        x.forEach((hour, rows) -> {
            if (rows.size() > 2 * rows.get(0).length) {
                fitted.put(hour, LeastSquares.fit(rows, y.get(hour)));
            }
        });
        return new HourAheadForecaster(fitted);
    }

    /** The vehicles expected in the hour after {@code t}, which must be counted. */
    public double forecast(HourlyVolumes volumes, LocalDateTime t) {
        double[] b = coefficients.get(hourOfWeek(t));
        Optional<double[]> f = features(volumes, t);
        double value = b == null || f.isEmpty()
                ? TrafficBaselines.lastHourPlusTypicalChange(volumes, t)
                : LeastSquares.predict(b, f.get());
        return Math.max(0, value);
    }

    /** How many hours of the week have a model. */
    public int models() {
        return coefficients.size();
    }

    static Optional<double[]> features(HourlyVolumes volumes, LocalDateTime t) {
        OptionalDouble now = volumes.at(t);
        if (now.isEmpty()) {
            return Optional.empty();
        }
        List<Double> nexts = new ArrayList<>();
        List<Double> currents = new ArrayList<>();
        for (int week = 1; week <= WEEKS; week++) {
            OptionalDouble current = volumes.at(t.minusWeeks(week));
            OptionalDouble next = volumes.at(t.plusHours(1).minusWeeks(week));
            if (current.isPresent() && next.isPresent()) {
                currents.add(current.getAsDouble());
                nexts.add(next.getAsDouble());
            }
        }
        if (nexts.size() < 2) {
            return Optional.empty();
        }
        double before = volumes.at(t.minusHours(1)).orElse(now.getAsDouble());
        double weekAgo = volumes.at(t.plusHours(1).minusWeeks(1)).orElse(TrafficBaselines.median(nexts));
        return Optional.of(new double[] {
            1,
            now.getAsDouble(),
            TrafficBaselines.median(nexts),
            TrafficBaselines.median(currents),
            before,
            weekAgo,
            mean(nexts),
            mean(currents)
        });
    }

    private static int hourOfWeek(LocalDateTime t) {
        return (t.getDayOfWeek().getValue() - 1) * 24 + t.getHour();
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
