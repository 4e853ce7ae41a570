package city.mycity.bench.pipeline;

import java.time.Duration;
import java.util.Arrays;

/**
 * Percentiles of the lag between two readings of a cumulative bucket histogram: the buckets' upper bounds (from 1 ms to
 * 120 s, each 8 % above the last, so a percentile is known to within 4 %) and the count at or below each.
 */
public final class LagHistogram {

    /** Bucket upper bounds in nanoseconds. */
    static final double[] BOUNDS = bounds(Duration.ofMillis(1), Duration.ofSeconds(120), 1.08);

    /** A reading of the histogram: how many values lay at or below each bound, and how many there were in all. */
    public record Snapshot(double[] boundsNanos, double[] cumulative, long count) {
        public Snapshot {
            if (boundsNanos.length != cumulative.length) {
                throw new IllegalArgumentException("Histogram bounds and counts differ in length.");
            }
        }

        public static Snapshot empty() {
            return new Snapshot(BOUNDS.clone(), new double[BOUNDS.length], 0);
        }
    }

    /**
     * Latency percentiles of what was recorded between two snapshots.
     *
     * @param count values recorded in between
     * @param p50 median, {@code null} when nothing was recorded
     * @param p99 99th percentile; {@link Duration#ofSeconds(long) 120 s} or more is reported as the top bound
     */
    public record Percentiles(long count, Duration p50, Duration p99, boolean p99Overflow) {}

    private LagHistogram() {}

    static double[] bounds(Duration first, Duration last, double factor) {
        double[] out = new double[200];
        int n = 0;
        for (double b = first.toNanos(); b < last.toNanos() * factor && n < out.length; b *= factor) {
            out[n++] = Math.rint(Math.min(b, last.toNanos()));
        }
        return Arrays.copyOf(out, n);
    }

    /** The percentiles of the values recorded after {@code before} and up to {@code after}. */
    public static Percentiles between(Snapshot before, Snapshot after) {
        if (!Arrays.equals(before.boundsNanos(), after.boundsNanos())) {
            throw new IllegalArgumentException("Histogram snapshots have different buckets.");
        }
        long count = after.count() - before.count();
        double[] cumulative = new double[after.cumulative().length];
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] = after.cumulative()[i] - before.cumulative()[i];
        }
        if (count <= 0) {
            return new Percentiles(0, null, null, false);
        }
        double[] bounds = after.boundsNanos();
        boolean overflow = cumulative[cumulative.length - 1] < 0.99 * count;
        return new Percentiles(
                count, quantile(bounds, cumulative, count, 0.5), quantile(bounds, cumulative, count, 0.99), overflow);
    }

    /** Interpolates linearly within the first bucket whose cumulative count reaches {@code q} of the total. */
    static Duration quantile(double[] bounds, double[] cumulative, long count, double q) {
        double rank = q * count;
        double lowerBound = 0;
        double lowerCount = 0;
        for (int i = 0; i < bounds.length; i++) {
            if (cumulative[i] >= rank) {
                double inBucket = cumulative[i] - lowerCount;
                double share = inBucket <= 0 ? 1 : (rank - lowerCount) / inBucket;
                return Duration.ofNanos(Math.round(lowerBound + share * (bounds[i] - lowerBound)));
            }
            lowerBound = bounds[i];
            lowerCount = cumulative[i];
        }
        return Duration.ofNanos(Math.round(bounds[bounds.length - 1]));
    }
}
