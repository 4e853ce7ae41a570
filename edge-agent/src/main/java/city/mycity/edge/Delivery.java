package city.mycity.edge;

import city.mycity.edge.ForwardResult.Status;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one MQTT message (a device's message or a gateway pack) to the {@link UplinkPublisher} and waits at most the
 * publish timeout for the platform's acknowledgement, counting the outcome for every device message it carries.
 * Thread-safe.
 */
final class Delivery {

    private static final Logger LOGGER = LoggerFactory.getLogger(Delivery.class);

    private final UplinkPublisher publisher;
    private final Duration publishTimeout;
    private final EdgeMetrics metrics;

    Delivery(UplinkPublisher publisher, Duration publishTimeout, EdgeMetrics metrics) {
        this.publisher = publisher;
        this.publishTimeout = publishTimeout;
        this.metrics = metrics;
    }

    UplinkPublisher publisher() {
        return publisher;
    }

    EdgeMetrics metrics() {
        return metrics;
    }

    /**
     * Publishes and waits at most {@code publishTimeout} for the acknowledgement. The timeout is put on a copy of the
     * publisher's stage, never on the stage itself: the publisher keeps the message in flight (and its in-flight
     * permit held) until the platform really answers, so {@code maxInFlight} keeps bounding what is pending.
     *
     * @param what the message, for logs (a device address or a gateway)
     * @param messages the device messages it carries, each answered with the result
     * @param readings the readings (SenML records) it carries
     * @param pack whether it is a gateway pack
     */
    CompletionStage<ForwardResult> deliver(
            Object what, Supplier<CompletionStage<Void>> publish, int messages, int readings, boolean pack) {
        CompletableFuture<Void> acknowledged;
        try {
            acknowledged = publish.get().toCompletableFuture();
        } catch (RuntimeException e) {
            acknowledged = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Void> platformAnswer = acknowledged;
        return acknowledged
                .copy()
                .orTimeout(publishTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((ok, error) -> {
                    if (error == null) {
                        metrics.forwarded(messages, readings, pack);
                        LOGGER.trace("{} forwarded: {} messages, {} readings", what, messages, readings);
                        return ForwardResult.forwarded();
                    }
                    metrics.failed(messages, pack);
                    String detail = describe(error);
                    LOGGER.debug("{} not forwarded ({} messages): {}", what, messages, detail);
                    if (unwrap(error) instanceof TimeoutException) {
                        watchForLateAcknowledgement(what, messages, platformAnswer);
                    }
                    return ForwardResult.of(Status.UNAVAILABLE, detail);
                });
    }

    /** Answers 5.03 without publishing, counted as failed. */
    CompletionStage<ForwardResult> unavailable(Object what, int messages, String detail) {
        metrics.failed(messages, false);
        LOGGER.debug("{} not forwarded ({} messages): {}", what, messages, detail);
        return CompletableFuture.completedFuture(ForwardResult.of(Status.UNAVAILABLE, detail));
    }

    /**
     * A message answered 5.03 after the timeout may still be accepted by the platform. It stays counted as failed,
     * because that is what the devices saw: they keep their readings and send them again, and the store's idempotent
     * insert drops the second copy. The late acknowledgement is counted on its own so that operators can tell a slow
     * broker from a lost one.
     */
    private void watchForLateAcknowledgement(Object what, int messages, CompletableFuture<Void> acknowledged) {
        acknowledged.whenComplete((ok, error) -> {
            if (error == null) {
                metrics.acknowledgedLate(messages);
                LOGGER.debug("{} acknowledged after its devices were answered 5.03; they will send again", what);
            }
        });
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private String describe(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof TimeoutException) {
            return "the broker did not acknowledge within " + publishTimeout.toMillis() + " ms";
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
