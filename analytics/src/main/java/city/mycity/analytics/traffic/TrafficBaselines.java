package city.mycity.analytics.traffic;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The simple forecasts of the next hour's volume, issued once the hour {@code t} is counted, that a model must beat:
 *
 * <ul>
 *   <li><b>last hour</b>: the count of {@code t};
 *   <li><b>a week earlier</b>: the count of {@code t + 1h} one week before, or the last hour when it is missing;
 *   <li><b>last hour plus the typical change</b>: the count of {@code t} plus the median change from the same hour to
 *       the next on the same weekday over the previous {@value #WEEKS} weeks (the weeks with both hours counted); the
 *       last hour when none has.
 * </ul>
 */
public final class TrafficBaselines {

    /** How many earlier weeks the typical change looks at. */
    public static final int WEEKS = 6;

    private TrafficBaselines() {}

    public static double lastHour(HourlyVolumes volumes, LocalDateTime t) {
        return volumes.at(t).orElseThrow(() -> new IllegalArgumentException("Hour " + t + " is not counted"));
    }

    public static double weekEarlier(HourlyVolumes volumes, LocalDateTime t) {
        OptionalDouble then = volumes.at(t.plusHours(1).minusWeeks(1));
        return then.isPresent() ? then.getAsDouble() : lastHour(volumes, t);
    }

    public static double lastHourPlusTypicalChange(HourlyVolumes volumes, LocalDateTime t) {
        List<Double> changes = new ArrayList<>();
        for (int week = 1; week <= WEEKS; week++) {
            OptionalDouble from = volumes.at(t.minusWeeks(week));
            OptionalDouble to = volumes.at(t.plusHours(1).minusWeeks(week));
            if (from.isPresent() && to.isPresent()) {
                changes.add(to.getAsDouble() - from.getAsDouble());
            }
        }
        return lastHour(volumes, t) + (changes.isEmpty() ? 0 : median(changes));
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
