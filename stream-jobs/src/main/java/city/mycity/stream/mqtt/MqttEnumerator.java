package city.mycity.stream.mqtt;

import java.io.IOException;
import java.util.List;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Gives every reader that registers its own split. Readers do not keep their split in their state, so a reader that
 * restarts (after a failure or a restore) registers again and gets a split again; the enumerator needs no state.
 */
final class MqttEnumerator implements SplitEnumerator<MqttSplit, MqttEnumerator.NoState> {

    /** The enumerator's (empty) checkpoint. */
    enum NoState {
        INSTANCE
    }

    private final SplitEnumeratorContext<MqttSplit> context;

    MqttEnumerator(SplitEnumeratorContext<MqttSplit> context) {
        this.context = context;
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {}

    @Override
    public void addSplitsBack(List<MqttSplit> splits, int subtaskId) {
        // The reader registers again when it restarts, and gets a fresh split then.
    }

    @Override
    public void addReader(int subtaskId) {
        context.assignSplit(new MqttSplit(subtaskId), subtaskId);
    }

    @Override
    public NoState snapshotState(long checkpointId) {
        return NoState.INSTANCE;
    }

    @Override
    public void close() throws IOException {}

    /** Serialises the empty state as no bytes. */
    static final class NoStateSerializer implements SimpleVersionedSerializer<NoState> {

        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(NoState state) {
            return new byte[0];
        }

        @Override
        public NoState deserialize(int version, byte[] serialized) {
            return NoState.INSTANCE;
        }
    }
}
