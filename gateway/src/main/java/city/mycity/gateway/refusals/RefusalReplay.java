package city.mycity.gateway.refusals;

import java.util.List;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-injects refused messages after a fix (a device registered, a gateway corrected): each is published again, byte
 * for byte, on its own topic, so that it goes through the same validation as any message; readings already stored
 * stay stored once (the store is idempotent), and a message refused again is counted and recorded again.
 */
public final class RefusalReplay {

    private static final Logger LOGGER = LoggerFactory.getLogger(RefusalReplay.class);

    private final RefusalStore store;
    private final MessagePublisher publisher;

    public RefusalReplay(RefusalStore store, MessagePublisher publisher) {
        this.store = store;
        this.publisher = publisher;
    }

    /** What a replay did. */
    public record Outcome(int published, int failed) {}

    /**
     * Publishes every message the filter matches, oldest first, and marks each replayed once the broker has it.
     * {@code progress} hears the number done after each message. A message the broker does not take is logged and
     * counted as failed; the others go on.
     */
    public Outcome replay(RefusalFilter filter, IntConsumer progress) throws Exception {
        List<RefusedMessage> messages = store.messages(filter);
        int published = 0;
        int failed = 0;
        for (RefusedMessage message : messages) {
            try {
                publisher.publish(message.topic(), message.payload());
                store.markReplayed(message.digest());
                published++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw e;
            } catch (Exception e) {
                failed++;
                LOGGER.warn("Could not re-inject the message refused on {}: {}", message.topic(), e.toString());
            }
            progress.accept(published + failed);
        }
        return new Outcome(published, failed);
    }
}
