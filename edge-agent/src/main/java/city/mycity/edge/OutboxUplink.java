package city.mycity.edge;

import city.mycity.edge.ForwardResult.Status;
import city.mycity.edge.outbox.Outbox;
import city.mycity.reading.SenmlCodec;
import city.mycity.reading.SenmlPack;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The way up through the gateway's outbox: a device's message is answered once it is durably stored on the gateway,
 * and the {@link OutboxDrain} sends it when the broker can take it. A message that can join a gateway pack is stored
 * self-contained, ready to be joined; one that cannot (a record named after another device, or over the pack limits)
 * is stored as it came and goes alone on its device topic. Thread-safe.
 */
final class OutboxUplink implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(OutboxUplink.class);

    private final String tenant;
    private final PackLimits packing;
    private final Outbox outbox;
    private final OutboxDrain drain;
    private final EdgeMetrics metrics;

    /** @param packing the gateway pack limits, or {@code null}: every message goes alone on its device topic */
    OutboxUplink(String tenant, PackLimits packing, Outbox outbox, OutboxDrain drain, EdgeMetrics metrics) {
        this.tenant = tenant;
        this.packing = packing;
        this.outbox = outbox;
        this.drain = drain;
        this.metrics = metrics;
    }

    void start() {
        drain.start();
    }

    /** Stores the message; the stage completes once it is on stable storage (2.04), or could not be stored (5.03). */
    CompletionStage<ForwardResult> store(String gateway, String device, SenmlPack pack, byte[] senml) {
        Optional<GatewayPacker.Entry> entry =
                packing == null ? Optional.empty() : GatewayPacker.entryOf(tenant, packing, device, pack);
        byte[] stored = entry.map(e -> SenmlCodec.json().encode(e.pack())).orElse(senml);
        int readings = pack.records().size();
        return outbox.append(gateway, device, entry.isPresent(), stored, readings)
                .handle((id, error) -> {
                    if (error != null) {
                        metrics.failed(1, false);
                        LOGGER.warn("Could not store a message of {} in the outbox: {}", device, error.getMessage());
                        return ForwardResult.of(Status.UNAVAILABLE, "the gateway could not store the message");
                    }
                    metrics.stored(readings);
                    drain.signal();
                    return ForwardResult.forwarded();
                });
    }

    city.mycity.edge.outbox.OutboxState state() {
        return outbox.state();
    }

    @Override
    public void close() {
        drain.close();
        outbox.close();
    }
}
