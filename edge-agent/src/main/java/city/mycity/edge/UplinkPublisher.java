package city.mycity.edge;

import city.mycity.reading.DeviceAddress;
import java.util.concurrent.CompletionStage;

/**
 * Carries a SenML JSON message up to the platform. The core knows only this interface; {@code edge.mqtt} implements
 * it with MQTT v5.
 *
 * <p>The returned stage completes when the platform has taken responsibility for the message (for MQTT QoS 1: the
 * broker's PUBACK), and completes exceptionally when it has not ({@link
 * city.mycity.edge.exception.UplinkUnavailableException}). Implementations must be thread-safe.
 */
public interface UplinkPublisher extends AutoCloseable {

    CompletionStage<Void> publish(DeviceAddress address, byte[] senml);

    /** Starts connecting; returns without waiting for the connection. By default, nothing to do. */
    default void start() {}

    /** Whether a publish could succeed now. By default, always. */
    default boolean isConnected() {
        return true;
    }

    @Override
    default void close() {}
}
