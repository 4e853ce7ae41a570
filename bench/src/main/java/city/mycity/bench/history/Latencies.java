package city.mycity.bench.history;

import java.util.Arrays;

/**
 * The latencies of a run of queries, in milliseconds.
 *
 * @param count queries timed
 * @param rows rows they returned in all
 */
public record Latencies(int count, long rows, double p50, double p90, double p99, double max) {

    static Latencies of(long[] nanos, long rows) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(
                sorted.length,
                rows,
                millis(percentile(sorted, 0.50)),
                millis(percentile(sorted, 0.90)),
                millis(percentile(sorted, 0.99)),
                millis(sorted[sorted.length - 1]));
    }

    /** The nearest-rank percentile. */
    private static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    /** Rows per query on average. */
    double rowsPerQuery() {
        return count == 0 ? 0 : (double) rows / count;
    }

    String summary() {
        return String.format("p50 %.1f ms, p99 %.1f ms over %d queries", p50, p99, count);
    }
}
