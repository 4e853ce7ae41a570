package city.mycity.analytics.bins;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Forecasts how full a bin will be at a time, from its own earlier collections only: the mean of two estimates.
 *
 * <ul>
 *   <li><b>filling</b>: the fill left at the last collection plus the bin's fill rate times the time since then; the
 *       rate (percent an hour) is the fill each earlier interval gained over its length, the latest intervals weighing
 *       most (each one {@value #RATE_DECAY} of the next's weight);
 *   <li><b>habit</b>: the mean fill found at its last {@value #HABIT_COLLECTIONS} collections, since a round tends to
 *       come when a bin is about as full as usual.
 * </ul>
 *
 * With a single earlier collection there is no rate yet, and the forecast is the fill found then. Forecasts stay
 * within 0 and 100. Stateless; thread-safe.
 */
public final class FillForecaster {

    /** How much less each earlier interval weighs in the fill rate than the one after it. */
    public static final double RATE_DECAY = 0.7;
    /** How many of the latest collections the habit averages. */
    public static final int HABIT_COLLECTIONS = 8;
    /** Intervals shorter than this (a double scan, a correction) say nothing about the rate. */
    static final Duration SHORTEST_INTERVAL = Duration.ofMinutes(30);

    /**
     * The fill expected at {@code at}, from the collections before it in time order; empty when there is none.
     */
    public OptionalDouble forecast(List<Collection> earlier, LocalDateTime at) {
        if (earlier.isEmpty()) {
            return OptionalDouble.empty();
        }
        Collection last = earlier.get(earlier.size() - 1);
        OptionalDouble rate = fillRatePerHour(earlier);
        if (rate.isEmpty()) {
            return OptionalDouble.of(last.fillBefore());
        }
        double hours = Duration.between(last.time(), at).toSeconds() / 3600.0;
        double filling = clamp(last.fillAfter() + rate.getAsDouble() * hours);
        return OptionalDouble.of(clamp((filling + habit(earlier)) / 2));
    }

    /** The bin's fill rate in percent an hour, the latest intervals weighing most; empty without an interval. */
    public OptionalDouble fillRatePerHour(List<Collection> earlier) {
        double weight = 1;
        double weights = 0;
        double sum = 0;
        for (int i = earlier.size() - 1; i >= 1; i--) {
            Duration interval =
                    Duration.between(earlier.get(i - 1).time(), earlier.get(i).time());
            if (interval.compareTo(SHORTEST_INTERVAL) >= 0) {
                double gained = earlier.get(i).fillBefore() - earlier.get(i - 1).fillAfter();
                sum += weight * gained / (interval.toSeconds() / 3600.0);
                weights += weight;
                weight *= RATE_DECAY;
            }
        }
        return weights == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / weights);
    }

    /**
     * When the bin will be full ({@code threshold} percent), from the last collection on at its fill rate; empty when
     * it does not fill (no rate yet, or none gained).
     */
    public java.util.Optional<LocalDateTime> fullAt(List<Collection> earlier, double threshold) {
        OptionalDouble rate = fillRatePerHour(earlier);
        if (earlier.isEmpty() || rate.isEmpty() || rate.getAsDouble() <= 0) {
            return java.util.Optional.empty();
        }
        Collection last = earlier.get(earlier.size() - 1);
        double hours = Math.max(0, threshold - last.fillAfter()) / rate.getAsDouble();
        return java.util.Optional.of(last.time().plusSeconds(Math.round(hours * 3600)));
    }

    private static double habit(List<Collection> earlier) {
        return earlier.subList(Math.max(0, earlier.size() - HABIT_COLLECTIONS), earlier.size()).stream()
                .mapToDouble(Collection::fillBefore)
                .average()
                .orElseThrow();
    }

    private static double clamp(double percent) {
        return Math.max(0, Math.min(100, percent));
    }
}
