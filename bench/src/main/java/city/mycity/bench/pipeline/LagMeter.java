package city.mycity.bench.pipeline;

import city.mycity.reading.ReadingMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;

/**
 * Reads the job's own metrics in the bench's JVM (the job runs in a local MiniCluster): {@code mycity.readings.stored}
 * and the {@code mycity.readings.lag} timer (device time to commit), which this registry keeps as a bucket histogram
 * ({@link LagHistogram}) over the whole run, so that any window's percentiles are the difference of two snapshots.
 * Added to {@link Metrics#globalRegistry} before the job starts; {@link #close()} removes it.
 */
public final class LagMeter implements AutoCloseable {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    public LagMeter() {
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!ReadingMetrics.LAG.equals(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(LagHistogram.BOUNDS)
                        .expiry(Duration.ofDays(7))
                        .bufferLength(1)
                        .build()
                        .merge(config);
            }
        });
        Metrics.addRegistry(registry);
    }

    /** Readings the job committed so far. */
    public long stored() {
        Counter stored = registry.find(ReadingMetrics.STORED).counter();
        return stored == null ? 0 : (long) stored.count();
    }

    /** The lag histogram as it stands. */
    public LagHistogram.Snapshot lag() {
        Timer timer = registry.find(ReadingMetrics.LAG).timer();
        if (timer == null) {
            return LagHistogram.Snapshot.empty();
        }
        HistogramSnapshot snapshot = timer.takeSnapshot();
        CountAtBucket[] buckets = snapshot.histogramCounts();
        double[] bounds = new double[buckets.length];
        double[] counts = new double[buckets.length];
        for (int i = 0; i < buckets.length; i++) {
            bounds[i] = buckets[i].bucket();
            counts[i] = buckets[i].count();
        }
        return new LagHistogram.Snapshot(bounds, counts, snapshot.count());
    }

    @Override
    public void close() {
        Metrics.removeRegistry(registry);
        registry.close();
    }
}
