package city.mycity.analytics.bins;

import city.mycity.analytics.eval.LeastSquares;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Watches one bin's fill readings:
 *
 * <ul>
 *   <li>a <b>collection</b> is a fall of at least {@value #EMPTIED_DROP} points to under {@value #EMPTIED_BELOW}% (the
 *       fill before and after are kept, the last {@value #COLLECTIONS});
 *   <li>the <b>fill rate</b> is the slope of the readings since the last collection (least squares, once they span
 *       {@value #MIN_SPAN_HOURS} hours), else the rate of its earlier collections ({@link FillForecaster});
 *   <li>the bin is <b>full</b> at {@value #FULL}% (an alert), and no longer once it is emptied.
 * </ul>
 *
 * Not thread-safe; serializable (a stream job keeps one per bin in its state).
 */
public final class BinWatch implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A bin this full needs emptying now. */
    public static final double FULL = 90;

    static final double EMPTIED_DROP = 20;
    static final double EMPTIED_BELOW = 20;
    static final int COLLECTIONS = 12;
    static final double MIN_SPAN_HOURS = 2;
    /** The most readings since the last collection kept for the slope. */
    static final int READINGS = 96;

    private final List<Long> times = new ArrayList<>();
    private final List<Double> values = new ArrayList<>();
    private final List<Collection> collections = new ArrayList<>();
    private double fill = Double.NaN;
    private long at = Long.MIN_VALUE;
    private boolean full;

    /** What a reading changed: whether the bin became full or stopped being full, and a collection if one was seen. */
    public record Change(Optional<Boolean> full, Optional<Collection> collected) {}

    /** One fill reading, in device-time order (an older one is ignored). */
    public Change fill(double percent, Instant time) {
        long millis = time.toEpochMilli();
        if (millis <= at) {
            return new Change(Optional.empty(), Optional.empty());
        }
        Optional<Collection> collected = Optional.empty();
        if (!Double.isNaN(fill) && fill - percent >= EMPTIED_DROP && percent < EMPTIED_BELOW) {
            Collection collection = new Collection(local(time), fill, percent);
            collections.add(collection);
            if (collections.size() > COLLECTIONS) {
                collections.remove(0);
            }
            times.clear();
            values.clear();
            collected = Optional.of(collection);
        }
        times.add(millis);
        values.add(percent);
        if (times.size() > READINGS) {
            times.remove(0);
            values.remove(0);
        }
        fill = percent;
        at = millis;
        Optional<Boolean> fullChange = Optional.empty();
        if (!full && percent >= FULL) {
            full = true;
            fullChange = Optional.of(true);
        } else if (full && percent < FULL && collected.isPresent()) {
            full = false;
            fullChange = Optional.of(false);
        }
        return new Change(fullChange, collected);
    }

    /** The bin as its readings say now; empty before the first. */
    public Optional<BinStatus> status() {
        if (Double.isNaN(fill)) {
            return Optional.empty();
        }
        double rate = rate();
        Instant now = Instant.ofEpochMilli(at);
        Instant fullAt = null;
        if (fill >= FULL) {
            fullAt = now;
        } else if (rate > 0) {
            fullAt = now.plusSeconds(Math.round((FULL - fill) / rate * 3600));
        }
        Instant lastCollected = collections.isEmpty()
                ? null
                : collections.get(collections.size() - 1).time().toInstant(ZoneOffset.UTC);
        return Optional.of(new BinStatus(fill, rate, fullAt, lastCollected, now));
    }

    private double rate() {
        int n = times.size();
        if (n >= 3 && (times.get(n - 1) - times.get(0)) / 3_600_000.0 >= MIN_SPAN_HOURS) {
            List<double[]> x = new ArrayList<>(n);
            for (long time : times) {
                x.add(new double[] {1, (time - times.get(0)) / 3_600_000.0});
            }
            return LeastSquares.fit(x, values)[1];
        }
        return new FillForecaster().fillRatePerHour(collections).orElse(Double.NaN);
    }

    /** Collections are kept on a clock of their own; UTC keeps them instants. */
    private static LocalDateTime local(Instant time) {
        return LocalDateTime.ofInstant(time, ZoneOffset.UTC);
    }
}
