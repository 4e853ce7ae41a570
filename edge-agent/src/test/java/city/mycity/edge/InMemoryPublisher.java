package city.mycity.edge;

import city.mycity.edge.exception.UplinkUnavailableException;
import city.mycity.reading.DeviceAddress;
import city.mycity.reading.UplinkTopic;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;

/**
 * An {@link UplinkPublisher} that keeps what it is given and acknowledges when the test says so: by default at
 * once; after {@link #holdAcknowledgements()}, only on {@link #acknowledgeAll()}; after {@link #failWith}, never.
 *
 * <p>After {@link #limitInFlight}, it caps unacknowledged messages the way {@code MqttUplinkPublisher} does: a
 * publish takes a permit (or fails with {@link UplinkUnavailableException}) and only the completion of the stage it
 * returned gives the permit back. After {@link #disconnect()} it says it is not connected.
 */
final class InMemoryPublisher implements UplinkPublisher {

    /** A device message or a gateway pack, with the topic MQTT would carry it on. */
    record Published(String topic, byte[] senml, CompletableFuture<Void> ack) {

        /** The device of a device message; {@code null} for a gateway pack. */
        DeviceAddress address() {
            return UplinkTopic.parse(topic).orElse(null);
        }

        boolean isGatewayPack() {
            return UplinkTopic.origin(topic).orElseThrow().isGatewayPack();
        }
    }

    private final List<Published> published = new CopyOnWriteArrayList<>();
    private volatile boolean hold;
    private volatile boolean connected = true;
    private volatile RuntimeException failure;
    private volatile Semaphore inFlight;

    void holdAcknowledgements() {
        hold = true;
    }

    void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    void disconnect() {
        connected = false;
    }

    void limitInFlight(int maxInFlight) {
        inFlight = new Semaphore(maxInFlight);
    }

    /** How many more messages may be in flight now (after {@link #limitInFlight}). */
    int freeInFlightPermits() {
        return inFlight.availablePermits();
    }

    void acknowledgeAll() {
        published.forEach(p -> p.ack().complete(null));
    }

    List<Published> published() {
        return List.copyOf(published);
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public CompletionStage<Void> publish(DeviceAddress address, byte[] senml) {
        return publish(UplinkTopic.of(address), senml);
    }

    @Override
    public CompletionStage<Void> publishPack(String tenant, String gateway, byte[] senml) {
        return publish(UplinkTopic.ofGateway(tenant, gateway), senml);
    }

    private CompletionStage<Void> publish(String topic, byte[] senml) {
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        Semaphore permits = inFlight;
        if (permits != null && !permits.tryAcquire()) {
            return CompletableFuture.failedFuture(
                    new UplinkUnavailableException("too many messages are waiting for their acknowledgement"));
        }
        CompletableFuture<Void> ack = new CompletableFuture<>();
        if (permits != null) {
            ack.whenComplete((ok, error) -> permits.release());
        }
        published.add(new Published(topic, senml, ack));
        if (!hold) {
            ack.complete(null);
        }
        return ack;
    }
}
