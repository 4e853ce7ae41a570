package city.mycity.edge.outbox;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Where a gateway keeps its devices' messages from the moment it answers the sensor until the broker has them (its
 * PUBACK). A message is appended once it is durably stored (it survives a crash or a power cut), read back in the order
 * it came, and removed once published. Bounded: when full, the oldest messages make room and are counted as evicted.
 * Implementations must be thread-safe.
 */
public interface Outbox extends AutoCloseable {

    /**
     * Stores one device's message (see {@link OutboxEntry} for the fields; its id and time are the outbox's). The stage
     * completes with the message's id once it is on stable storage, or exceptionally when it could not be stored.
     */
    CompletionStage<Long> append(String gateway, String device, boolean packable, byte[] senml, int readings);

    /**
     * The oldest messages with an id above {@code afterId}, in order: as many as fit {@code maxReadings} readings and
     * {@code maxBytes} bytes of SenML, but at least one when there is one.
     */
    List<OutboxEntry> after(long afterId, int maxReadings, int maxBytes);

    /** Forgets these messages: the platform has them. */
    void remove(List<OutboxEntry> published);

    /**
     * Moves these messages out of the way into the refused messages, with the reason: the broker refused them for good,
     * so sending them again would block every message behind them. They are kept for an operator, not sent again.
     */
    void refuse(List<OutboxEntry> refused, String reason);

    /** What the outbox holds now, and what it has evicted since it was opened. */
    OutboxState state();

    @Override
    void close();
}
