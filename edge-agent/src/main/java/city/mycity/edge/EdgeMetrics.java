package city.mycity.edge;

import city.mycity.reading.ReadingMetrics;
import city.mycity.reading.RefusalReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The edge agent's counters, tagged {@code stage=edge} (names in {@link ReadingMetrics}). */
final class EdgeMetrics {

    static final String STAGE = "edge";
    /** Counter: messages answered 5.03 because the acknowledgement came too late, that the platform accepted after. */
    static final String ACKNOWLEDGED_LATE = "mycity.messages.acknowledged.late";

    private final MeterRegistry registry;
    private final Counter received;
    private final Counter forwarded;
    private final Counter failed;
    private final Counter acknowledgedLate;

    EdgeMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.received = Counter.builder(ReadingMetrics.RECEIVED)
                .description("Readings received from devices (a message that cannot be read counts as one)")
                .tag(ReadingMetrics.STAGE, STAGE)
                .register(registry);
        this.forwarded = Counter.builder(ReadingMetrics.FORWARDED)
                .description("Messages the broker acknowledged")
                .tag(ReadingMetrics.STAGE, STAGE)
                .register(registry);
        this.failed = Counter.builder(ReadingMetrics.FAILED)
                .description("Messages not forwarded because the broker was unavailable; the device was told to retry")
                .tag(ReadingMetrics.STAGE, STAGE)
                .register(registry);
        this.acknowledgedLate = Counter.builder(ACKNOWLEDGED_LATE)
                .description(
                        "Messages the broker acknowledged after the device had been told 5.03; it sends them again")
                .tag(ReadingMetrics.STAGE, STAGE)
                .register(registry);
    }

    void received(int readings) {
        received.increment(readings);
    }

    void refused(RefusalReason reason) {
        Counter.builder(ReadingMetrics.REFUSED)
                .description("Readings the edge agent refused")
                .tag(ReadingMetrics.STAGE, STAGE)
                .tag(ReadingMetrics.REASON, reason.code())
                .register(registry)
                .increment();
    }

    void forwarded() {
        forwarded.increment();
    }

    void failed() {
        failed.increment();
    }

    void acknowledgedLate() {
        acknowledgedLate.increment();
    }
}
