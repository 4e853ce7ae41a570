package city.mycity.edge;

import city.mycity.reading.DeviceAddress;
import java.util.concurrent.CompletionStage;

/**
 * Carries SenML JSON messages up to the platform: a device's message on its device topic ({@link
 * city.mycity.reading.UplinkTopic#of}), or a gateway pack carrying several devices' records on the gateway's topic
 * ({@link city.mycity.reading.UplinkTopic#ofGateway}). The core knows only this interface; {@code edge.mqtt} implements
 * it with MQTT v5.
 *
 * <p>Each returned stage completes when the platform has taken responsibility for the message (for MQTT QoS 1: the
 * broker's PUBACK), and completes exceptionally when it has not ({@link
 * city.mycity.edge.exception.UplinkUnavailableException}). Implementations must be thread-safe.
 */
public interface UplinkPublisher extends AutoCloseable {

    /** Publishes one device's message. */
    CompletionStage<Void> publish(DeviceAddress address, byte[] senml);

    /** Publishes a gateway pack: the records of several of the gateway's devices, each record named after its device. */
    CompletionStage<Void> publishPack(String tenant, String gateway, byte[] senml);

    /**
     * Reports a message the agent refused ({@link RefusalReport}) on the gateway's refused topic, at most once and
     * without waiting: a report that cannot be sent now is dropped (and counted by the caller). By default, dropped.
     */
    default CompletionStage<Void> publishRefusal(String tenant, String gateway, byte[] report) {
        return java.util.concurrent.CompletableFuture.failedFuture(
                new city.mycity.edge.exception.UplinkUnavailableException("refusal reports are not carried"));
    }

    /** Starts connecting; returns without waiting for the connection. By default, nothing to do. */
    default void start() {}

    /** Whether a publish could succeed now. By default, always. */
    default boolean isConnected() {
        return true;
    }

    @Override
    default void close() {}
}
