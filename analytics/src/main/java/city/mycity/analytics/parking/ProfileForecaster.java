package city.mycity.analytics.parking;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Forecasts a car park's occupancy a few minutes to an hour ahead: the latest observation, moved by the car park's
 * typical change over the horizon, plus part of how fast it has lately been drifting away from that typical course.
 *
 * <p>The typical course is a profile by time of day: a Gaussian-weighted mean (bandwidth {@value #BANDWIDTH_MINUTES}
 * minutes) of the car park's observations over the {@value #WINDOW_DAYS} days before the forecast's day, on days of
 * the same {@link DayKind}. The drift is the change, between the two latest observations of the day, of their distance
 * from the profile; its weight depends on the horizon and is fitted ({@link #fit}) on a training period. The forecast
 * is kept within 0 and the capacity. A forecast issued at a time uses only what was observed up to that time.
 *
 * <p>Immutable and thread-safe; serializable, so that a Flink operator can carry it.
 */
public final class ProfileForecaster implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How far back the profile looks, in days before the forecast's day. */
    public static final int WINDOW_DAYS = 28;
    /** The width of the profile's Gaussian kernel over the time of day. */
    public static final double BANDWIDTH_MINUTES = 15;
    /** The latest two observations count as consecutive when at most this far apart. */
    static final int DRIFT_GAP_MINUTES = 90;
    /** The drift weights tried when fitting, from 0 to 2 in steps of 0.02. */
    static final int DRIFT_STEPS = 101;

    /**
     * The drift weights fitted on Birmingham's 30 car parks in October 2016 ({@code ./mycity eval parking}), by
     * horizon in minutes.
     */
    private static final Map<Integer, Double> BIRMINGHAM_OCTOBER_2016 = Map.of(30, 0.5, 60, 0.78);

    private static final double KERNEL_REACH = 4 * BANDWIDTH_MINUTES;

    private final TreeMap<Integer, Double> driftWeights;

    private ProfileForecaster(Map<Integer, Double> driftWeights) {
        if (driftWeights.isEmpty()) {
            throw new IllegalArgumentException("A forecaster needs the drift weight of at least one horizon.");
        }
        this.driftWeights = new TreeMap<>(driftWeights);
    }

    /** The forecaster with the drift weights fitted on Birmingham's car parks. */
    public static ProfileForecaster defaults() {
        return new ProfileForecaster(BIRMINGHAM_OCTOBER_2016);
    }

    public static ProfileForecaster withDriftWeights(Map<Integer, Double> byHorizonMinutes) {
        return new ProfileForecaster(byHorizonMinutes);
    }

    /** What a forecast is made of, so that fitting can try many weights without recomputing the profiles. */
    public record Inputs(
            LocalDateTime issuedAt, double latest, double profileAtTarget, double profileAtIssue, double drift) {}

    /** A forecast with the value it should have given: one case to fit on. */
    public record Case(Inputs inputs, int horizonMinutes, double capacity, double actual) {}

    /**
     * The inputs of a forecast issued at {@code issuedAt} for {@code horizonMinutes} later, from what the history held
     * at that time; empty when it holds nothing up to then.
     */
    public Optional<Inputs> inputs(OccupancyHistory history, LocalDateTime issuedAt, int horizonMinutes) {
        List<Observation> known = history.between(issuedAt.minusDays(WINDOW_DAYS + 1L), issuedAt.plusNanos(1));
        if (known.isEmpty()) {
            return Optional.empty();
        }
        Observation latest = known.get(known.size() - 1);
        LocalDateTime dayStart = issuedAt.toLocalDate().atStartOfDay();
        List<Observation> window = history.between(dayStart.minusDays(WINDOW_DAYS), dayStart);
        LocalDateTime target = issuedAt.plusMinutes(horizonMinutes);
        double atTarget = profile(window, target);
        double atIssue = profile(window, issuedAt);
        if (Double.isNaN(atTarget) || Double.isNaN(atIssue)) {
            return Optional.of(new Inputs(issuedAt, latest.occupied(), 0, 0, 0));
        }
        double drift = 0;
        if (known.size() >= 2) {
            Observation previous = known.get(known.size() - 2);
            double atPrevious = profile(window, previous.time());
            double atLatest = profile(window, latest.time());
            boolean consecutive =
                    previous.time().toLocalDate().equals(latest.time().toLocalDate())
                            && ChronoUnit.MINUTES.between(previous.time(), latest.time()) <= DRIFT_GAP_MINUTES;
            if (consecutive && !Double.isNaN(atPrevious) && !Double.isNaN(atLatest)) {
                drift = (latest.occupied() - atLatest) - (previous.occupied() - atPrevious);
            }
        }
        return Optional.of(new Inputs(issuedAt, latest.occupied(), atTarget, atIssue, drift));
    }

    /** The occupied spaces expected {@code horizonMinutes} after the inputs' issue time, within 0 and the capacity. */
    public double forecast(Inputs inputs, int horizonMinutes, double capacity) {
        return forecast(inputs, driftWeight(horizonMinutes), capacity);
    }

    /** The forecast from a history, or empty when the history holds nothing up to {@code issuedAt}. */
    public Optional<Double> forecast(
            OccupancyHistory history, LocalDateTime issuedAt, int horizonMinutes, double capacity) {
        return inputs(history, issuedAt, horizonMinutes).map(in -> forecast(in, horizonMinutes, capacity));
    }

    /** The drift weight used for a horizon: that of the nearest horizon fitted. */
    public double driftWeight(int horizonMinutes) {
        Map.Entry<Integer, Double> below = driftWeights.floorEntry(horizonMinutes);
        Map.Entry<Integer, Double> above = driftWeights.ceilingEntry(horizonMinutes);
        if (below == null || (above != null && above.getKey() - horizonMinutes < horizonMinutes - below.getKey())) {
            return above.getValue();
        }
        return below.getValue();
    }

    public Map<Integer, Double> driftWeights() {
        return Map.copyOf(driftWeights);
    }

    /**
     * The forecaster whose drift weight for each horizon among the cases gives the least absolute error over them.
     *
     * @throws IllegalArgumentException when there are no cases
     */
    public static ProfileForecaster fit(List<Case> cases) {
        Map<Integer, double[]> errors = new TreeMap<>();
        for (Case c : cases) {
            double[] sums = errors.computeIfAbsent(c.horizonMinutes(), h -> new double[DRIFT_STEPS]);
            for (int step = 0; step < DRIFT_STEPS; step++) {
                sums[step] += Math.abs(forecast(c.inputs(), weightOf(step), c.capacity()) - c.actual());
            }
        }
        Map<Integer, Double> weights = new TreeMap<>();
        errors.forEach((horizon, sums) -> {
            int best = 0;
            for (int step = 1; step < DRIFT_STEPS; step++) {
                if (sums[step] < sums[best]) {
                    best = step;
                }
            }
            weights.put(horizon, weightOf(best));
        });
        return new ProfileForecaster(weights);
    }

    private static double weightOf(int step) {
        return step * 0.02;
    }

    private static double forecast(Inputs in, double driftWeight, double capacity) {
        double value = in.latest() + in.profileAtTarget() - in.profileAtIssue() + driftWeight * in.drift();
        return Math.max(0, Math.min(capacity, value));
    }

    /** The kernel-weighted mean occupancy at {@code time}'s time of day, on days of its kind; NaN when none is near. */
    static double profile(List<Observation> window, LocalDateTime time) {
        DayKind kind = DayKind.of(time.toLocalDate());
        double minute = minuteOfDay(time);
        double weights = 0;
        double sum = 0;
        for (Observation o : window) {
            double distance = Math.abs(minuteOfDay(o.time()) - minute);
            if (distance <= KERNEL_REACH && DayKind.of(o.time().toLocalDate()) == kind) {
                double w = Math.exp(-0.5 * (distance / BANDWIDTH_MINUTES) * (distance / BANDWIDTH_MINUTES));
                weights += w;
                sum += w * o.occupied();
            }
        }
        return weights > 1e-9 ? sum / weights : Double.NaN;
    }

    private static double minuteOfDay(LocalDateTime time) {
        return time.getHour() * 60 + time.getMinute() + time.getSecond() / 60.0;
    }
}
