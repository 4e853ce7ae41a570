package city.mycity.stream.mqtt;

import city.mycity.reading.Uplink;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.core.io.InputStatus;

/**
 * Emits the messages of one MQTT client and acknowledges each only once the checkpoint covering it has completed.
 * Until then the broker keeps the message in the reader's session and redelivers it if the reader restarts: that is
 * the at-least-once guarantee. All methods run on the task's thread; only {@link Arrivals} is shared with the client.
 */
final class MqttSourceReader implements SourceReader<Uplink, MqttSplit> {

    private final Subscriber subscriber;
    private final Arrivals<Arrival> arrivals = new Arrivals<>();
    private final AckTracker acks = new AckTracker();
    private boolean opened;

    MqttSourceReader(Subscriber subscriber) {
        this.subscriber = subscriber;
    }

    @Override
    public void start() {}

    @Override
    public InputStatus pollNext(ReaderOutput<Uplink> output) {
        Arrival arrival = arrivals.poll();
        if (arrival == null) {
            return InputStatus.NOTHING_AVAILABLE;
        }
        output.collect(arrival.uplink(), arrival.uplink().receivedAt().toEpochMilli());
        if (arrival.qos() > 0) {
            acks.emitted(arrival.ackId());
        }
        return arrivals.isEmpty() ? InputStatus.NOTHING_AVAILABLE : InputStatus.MORE_AVAILABLE;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return arrivals.available();
    }

    @Override
    public List<MqttSplit> snapshotState(long checkpointId) {
        acks.snapshot(checkpointId);
        // The split holds no position; a restarted reader registers and gets a new one.
        return List.of();
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        for (long ackId : acks.completed(checkpointId)) {
            subscriber.acknowledge(ackId);
        }
    }

    @Override
    public void addSplits(List<MqttSplit> splits) {
        if (!opened && !splits.isEmpty()) {
            opened = true;
            subscriber.open(arrivals);
        }
    }

    @Override
    public void notifyNoMoreSplits() {}

    /** Messages emitted and not yet acknowledged. */
    int unacknowledged() {
        return acks.unacknowledged();
    }

    @Override
    public void close() {
        subscriber.close();
    }
}
