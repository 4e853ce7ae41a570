package city.mycity.edge;

import city.mycity.reading.ReadingMetrics;
import city.mycity.reading.RefusalReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The edge agent's meters, tagged {@code stage=edge} (shared names in {@link ReadingMetrics}). Messages are what the
 * devices sent (each one answered once); packs are the gateway packs that carried them to the broker.
 */
final class EdgeMetrics {

    static final String STAGE = "edge";
    /** Counter: messages answered 5.03 because the acknowledgement came too late, that the platform accepted after. */
    static final String ACKNOWLEDGED_LATE = "mycity.messages.acknowledged.late";
    /** Counter: readings the broker acknowledged in time (their devices were answered 2.04). */
    static final String READINGS_FORWARDED = "mycity.readings.forwarded";
    /** Counter: gateway packs the broker acknowledged in time. */
    static final String PACKS_FORWARDED = "mycity.edge.packs.forwarded";
    /** Counter: gateway packs not acknowledged (refused, failed or timed out): every device in them got 5.03. */
    static final String PACKS_FAILED = "mycity.edge.packs.failed";
    /** Distribution summary: readings per gateway pack published (count = packs, total = readings). */
    static final String PACK_READINGS = "mycity.edge.pack.readings";

    /** Counter: readings stored durably in the gateway's outbox (their devices were answered 2.04). */
    static final String OUTBOX_STORED = "mycity.edge.outbox.stored";
    /** Gauge: readings in the outbox, not yet acknowledged by the broker. */
    static final String OUTBOX_READINGS = "mycity.edge.outbox.readings";
    /** Gauge: device messages in the outbox. */
    static final String OUTBOX_MESSAGES = "mycity.edge.outbox.messages";
    /** Gauge: seconds since the oldest message in the outbox was stored; 0 when it is empty. */
    static final String OUTBOX_OLDEST_AGE = "mycity.edge.outbox.oldest.age";
    /** Gauge: readings evicted (the oldest dropped to make room) since the agent started. */
    static final String OUTBOX_EVICTED = "mycity.edge.outbox.evicted";
    /** Gauge: readings the broker refused for good since the agent started, set aside in the outbox unsent. */
    static final String OUTBOX_REFUSED = "mycity.edge.outbox.refused";

    private final MeterRegistry registry;
    private final Counter received;
    private final Counter forwarded;
    private final Counter readingsForwarded;
    private final Counter failed;
    private final Counter acknowledgedLate;
    private final Counter packsForwarded;
    private final Counter packsFailed;
    private final DistributionSummary packReadings;

    MeterRegistry registry() {
        return registry;
    }

    EdgeMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.received = counter(
                ReadingMetrics.RECEIVED,
                "Readings received from devices (a message that cannot be read counts as one)");
        this.forwarded = counter(
                ReadingMetrics.FORWARDED, "Device messages the broker acknowledged (alone or in a gateway pack)");
        this.readingsForwarded =
                counter(READINGS_FORWARDED, "Readings the broker acknowledged; their devices were answered 2.04");
        this.failed = counter(
                ReadingMetrics.FAILED,
                "Device messages not forwarded because the broker was unavailable; the device was told to retry");
        this.acknowledgedLate = counter(
                ACKNOWLEDGED_LATE,
                "Device messages the broker acknowledged after the device had been told 5.03; it sends them again");
        this.packsForwarded = counter(PACKS_FORWARDED, "Gateway packs the broker acknowledged");
        this.packsFailed = counter(PACKS_FAILED, "Gateway packs not acknowledged; each of their devices got 5.03");
        this.packReadings = DistributionSummary.builder(PACK_READINGS)
                .description("Readings per gateway pack published")
                .baseUnit("readings")
                .tag(ReadingMetrics.STAGE, STAGE)
                .register(registry);
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name)
                .description(description)
                .tag(ReadingMetrics.STAGE, STAGE)
                .register(registry);
    }

    void stored(int readings) {
        Counter.builder(OUTBOX_STORED)
                .description("Readings stored durably in the gateway's outbox; their devices were answered 2.04")
                .tag(ReadingMetrics.STAGE, STAGE)
                .register(registry)
                .increment(readings);
    }

    /** Gauges of what the outbox holds, read when the meters are read. */
    void watch(city.mycity.edge.outbox.Outbox outbox) {
        gauge(OUTBOX_READINGS, "Readings in the outbox, not yet acknowledged by the broker", outbox, o -> o.state()
                .readings());
        gauge(OUTBOX_MESSAGES, "Device messages in the outbox", outbox, o -> o.state()
                .messages());
        gauge(
                OUTBOX_OLDEST_AGE,
                "Seconds since the oldest message in the outbox was stored",
                outbox,
                o -> o.state().oldestAgeMillis(System.currentTimeMillis()) / 1000.0);
        gauge(OUTBOX_EVICTED, "Readings evicted from the full outbox since the agent started", outbox, o -> o.state()
                .evictedReadings());
        gauge(OUTBOX_REFUSED, "Readings the broker refused for good, set aside unsent", outbox, o -> o.state()
                .refusedReadings());
    }

    private <T> void gauge(String name, String description, T target, java.util.function.ToDoubleFunction<T> value) {
        io.micrometer.core.instrument.Gauge.builder(name, target, value)
                .description(description)
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

    void packPublished(int readings) {
        packReadings.record(readings);
    }

    void forwarded(int messages, int readings, boolean pack) {
        forwarded.increment(messages);
        readingsForwarded.increment(readings);
        if (pack) {
            packsForwarded.increment();
        }
    }

    void failed(int messages, boolean pack) {
        failed.increment(messages);
        if (pack) {
            packsFailed.increment();
        }
    }

    void acknowledgedLate(int messages) {
        acknowledgedLate.increment(messages);
    }
}
