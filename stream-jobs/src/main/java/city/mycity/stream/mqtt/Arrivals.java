package city.mycity.stream.mqtt;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

/**
 * Hands messages over from the MQTT client's thread to the source reader's thread. The reader waits on {@link
 * #available()} rather than polling in a loop; adding and checking happen under one lock, so a message that arrives
 * between "empty" and "wait" always completes the future the reader waits on (no lost wake-up).
 *
 * <p>The queue needs no bound of its own: the broker stops sending a connection more once {@code receive maximum}
 * messages (or its own lower in-flight cap) wait for their acknowledgement, and acknowledgements are only sent once a
 * checkpoint covers the messages. A reader therefore holds at most {@code connections x receive maximum} messages.
 */
final class Arrivals<T> {

    private static final CompletableFuture<Void> AVAILABLE = CompletableFuture.completedFuture(null);

    private final Object lock = new Object();
    private final Queue<T> queue = new ArrayDeque<>();
    private CompletableFuture<Void> waiting = new CompletableFuture<>();
    private Throwable failure;

    /** Called by the client thread. */
    void add(T item) {
        CompletableFuture<Void> wake;
        synchronized (lock) {
            queue.add(item);
            wake = waiting;
        }
        wake.complete(null);
    }

    /** Called by the client thread when the connection cannot be (re)established; the reader then fails. */
    void fail(Throwable cause) {
        CompletableFuture<Void> wake;
        synchronized (lock) {
            if (failure == null) {
                failure = cause;
            }
            wake = waiting;
        }
        wake.complete(null);
    }

    /** The next message, or {@code null}; throws the failure once the queue is drained. */
    T poll() {
        synchronized (lock) {
            T item = queue.poll();
            if (item == null && failure != null) {
                throw new IllegalStateException("MQTT connection failed: " + failure.getMessage(), failure);
            }
            return item;
        }
    }

    boolean isEmpty() {
        synchronized (lock) {
            return queue.isEmpty() && failure == null;
        }
    }

    /** Completes as soon as a message (or a failure) is there. */
    CompletableFuture<Void> available() {
        synchronized (lock) {
            if (!queue.isEmpty() || failure != null) {
                return AVAILABLE;
            }
            if (waiting.isDone()) {
                waiting = new CompletableFuture<>();
            }
            return waiting;
        }
    }
}
