package city.mycity.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LagHistogramTest {

    /** A cumulative histogram over the real bounds holding {@code count} values of each of the given lags. */
    private static LagHistogram.Snapshot snapshot(long count, Duration... lags) {
        double[] bounds = LagHistogram.BOUNDS;
        double[] cumulative = new double[bounds.length];
        for (Duration lag : lags) {
            for (int i = 0; i < bounds.length; i++) {
                if (lag.toNanos() <= bounds[i]) {
                    cumulative[i] += count;
                }
            }
        }
        return new LagHistogram.Snapshot(bounds.clone(), cumulative, count * lags.length);
    }

    @Test
    void buckets_run_from_a_millisecond_to_two_minutes_within_eight_percent() {
        double[] bounds = LagHistogram.BOUNDS;

        assertThat(bounds[0]).isEqualTo(1e6);
        assertThat(bounds[bounds.length - 1]).isEqualTo(120e9);
        for (int i = 1; i < bounds.length; i++) {
            assertThat(bounds[i] / bounds[i - 1]).isBetween(1.0, 1.0801);
        }
    }

    @Test
    void reads_the_median_and_the_99th_percentile_of_what_was_recorded_in_between() {
        LagHistogram.Snapshot before = snapshot(1_000, Duration.ofSeconds(30)); // an earlier, slow step
        double[] bounds = LagHistogram.BOUNDS;
        double[] cumulative = before.cumulative().clone();
        for (int i = 0; i < bounds.length; i++) { // then 98 values of 100 ms and 2 of 2 s
            cumulative[i] += (bounds[i] >= 100e6 ? 98 : 0) + (bounds[i] >= 2e9 ? 2 : 0);
        }
        LagHistogram.Snapshot after = new LagHistogram.Snapshot(bounds.clone(), cumulative, before.count() + 100);

        LagHistogram.Percentiles lag = LagHistogram.between(before, after);

        assertThat(lag.count()).isEqualTo(100);
        assertThat(lag.p50().toMillis()).isBetween(93L, 102L);
        assertThat(lag.p99().toMillis()).isBetween(1_850L, 2_160L);
        assertThat(lag.p99Overflow()).isFalse();
    }

    @Test
    void says_when_the_99th_percentile_lies_beyond_the_last_bucket() {
        LagHistogram.Snapshot before = LagHistogram.Snapshot.empty();
        LagHistogram.Snapshot after = snapshot(10, Duration.ofMillis(5), Duration.ofMinutes(5));

        LagHistogram.Percentiles lag = LagHistogram.between(before, after);

        assertThat(lag.p99Overflow()).isTrue();
        assertThat(lag.p99()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void has_no_percentiles_when_nothing_was_recorded() {
        LagHistogram.Percentiles lag =
                LagHistogram.between(LagHistogram.Snapshot.empty(), LagHistogram.Snapshot.empty());

        assertThat(lag.count()).isZero();
        assertThat(lag.p50()).isNull();
        assertThat(lag.p99()).isNull();
    }
}
