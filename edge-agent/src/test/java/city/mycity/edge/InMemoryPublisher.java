package city.mycity.edge;

import city.mycity.reading.DeviceAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link UplinkPublisher} that keeps what it is given and acknowledges when the test says so: by default at
 * once; after {@link #holdAcknowledgements()}, only on {@link #acknowledgeAll()}; after {@link #failWith}, never.
 */
final class InMemoryPublisher implements UplinkPublisher {

    record Published(DeviceAddress address, byte[] senml, CompletableFuture<Void> ack) {}

    private final List<Published> published = new CopyOnWriteArrayList<>();
    private volatile boolean hold;
    private volatile RuntimeException failure;

    void holdAcknowledgements() {
        hold = true;
    }

    void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    void acknowledgeAll() {
        published.forEach(p -> p.ack().complete(null));
    }

    List<Published> published() {
        return List.copyOf(published);
    }

    @Override
    public CompletionStage<Void> publish(DeviceAddress address, byte[] senml) {
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        CompletableFuture<Void> ack = new CompletableFuture<>();
        published.add(new Published(address, senml, ack));
        if (!hold) {
            ack.complete(null);
        }
        return ack;
    }
}
