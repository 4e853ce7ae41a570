package city.mycity.analytics.parking;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The simple forecasts a car-park model must beat, each from what was observed up to the issue time:
 *
 * <ul>
 *   <li><b>last value</b>: the latest observation;
 *   <li><b>a week earlier</b>: the observation nearest the target time one week before (within {@link #NEAR}), or the
 *       last value when there is none;
 *   <li><b>adjusted last value</b>: the last value plus the car park's typical change over the horizon, the mean
 *       occupancy at the target's half-hour slot less that at the issue's, on days of the same {@link DayKind} over the
 *       {@value #WEEKS} weeks before the issue's day; the last value when either slot has no observation. A half-hour
 *       slot is the clock's half hour that holds the time (08:25 is in 08:00-08:30).
 * </ul>
 */
public final class ParkingBaselines {

    /** How near an observation must be to a time to stand for it. */
    public static final Duration NEAR = Duration.ofMinutes(15);
    /** How many weeks the adjusted last value looks back on. */
    public static final int WEEKS = 4;

    private ParkingBaselines() {}

    public static double lastValue(OccupancyHistory history, LocalDateTime issuedAt) {
        List<Observation> known = history.between(issuedAt.minusDays(WEEKS * 7L + 1), issuedAt.plusNanos(1));
        if (known.isEmpty()) {
            throw new IllegalArgumentException("Nothing observed up to " + issuedAt);
        }
        return known.get(known.size() - 1).occupied();
    }

    public static double weekEarlier(OccupancyHistory history, LocalDateTime issuedAt, int horizonMinutes) {
        LocalDateTime then = issuedAt.plusMinutes(horizonMinutes).minusWeeks(1);
        return nearest(history, then).orElseGet(() -> lastValue(history, issuedAt));
    }

    public static double adjustedLastValue(OccupancyHistory history, LocalDateTime issuedAt, int horizonMinutes) {
        double last = lastValue(history, issuedAt);
        LocalDateTime dayStart = issuedAt.toLocalDate().atStartOfDay();
        List<Observation> window = history.between(dayStart.minusWeeks(WEEKS), dayStart);
        OptionalDouble atTarget = slotMean(window, issuedAt.plusMinutes(horizonMinutes));
        OptionalDouble atIssue = slotMean(window, issuedAt);
        if (atTarget.isEmpty() || atIssue.isEmpty()) {
            return last;
        }
        return last + atTarget.getAsDouble() - atIssue.getAsDouble();
    }

    /** The observation nearest {@code time}, if one is within {@link #NEAR} of it. */
    public static OptionalDouble nearest(OccupancyHistory history, LocalDateTime time) {
        Observation best = null;
        for (Observation o : history.between(time.minus(NEAR), time.plus(NEAR).plusNanos(1))) {
            if (best == null
                    || Duration.between(o.time(), time)
                                    .abs()
                                    .compareTo(
                                            Duration.between(best.time(), time).abs())
                            < 0) {
                best = o;
            }
        }
        return best == null ? OptionalDouble.empty() : OptionalDouble.of(best.occupied());
    }

    private static OptionalDouble slotMean(List<Observation> window, LocalDateTime time) {
        int slot = slotOf(time);
        DayKind kind = DayKind.of(time.toLocalDate());
        return window.stream()
                .filter(o -> slotOf(o.time()) == slot && DayKind.of(o.time().toLocalDate()) == kind)
                .mapToDouble(Observation::occupied)
                .average();
    }

    private static int slotOf(LocalDateTime time) {
        return time.getHour() * 2 + time.getMinute() / 30;
    }
}
