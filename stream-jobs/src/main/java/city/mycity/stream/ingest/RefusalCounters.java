package city.mycity.stream.ingest;

import city.mycity.reading.ReadingMetrics;
import city.mycity.reading.Refusal;
import city.mycity.reading.RefusalReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.util.EnumMap;
import java.util.Map;

/** {@code mycity.readings.refused{stage=stream,reason}}, one counter per reason. */
final class RefusalCounters {

    private final Map<RefusalReason, Counter> counters = new EnumMap<>(RefusalReason.class);

    RefusalCounters(String stage) {
        for (RefusalReason reason : RefusalReason.values()) {
            counters.put(
                    reason,
                    Metrics.globalRegistry.counter(
                            ReadingMetrics.REFUSED, ReadingMetrics.STAGE, stage, ReadingMetrics.REASON, reason.code()));
        }
    }

    void count(Refusal refusal) {
        counters.get(refusal.primaryReason()).increment();
    }
}
