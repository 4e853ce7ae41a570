package city.mycity.stream.sink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * The rows a writer holds at a checkpoint, in its writer state: their count, then each with the Flink serialiser of
 * their type. A sink that holds nothing between checkpoints has no type and only ever writes an empty list.
 */
final class HeldRowsSerializer<T> implements SimpleVersionedSerializer<List<T>> {

    private static final int VERSION = 1;

    private final TypeSerializer<T> rows;

    /** {@code type} may be {@code null}: the sink holds no rows between checkpoints. */
    HeldRowsSerializer(TypeInformation<T> type) {
        this.rows = type == null ? null : type.createSerializer(new SerializerConfigImpl());
    }

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(List<T> held) throws IOException {
        if (rows == null && !held.isEmpty()) {
            throw new IOException("This sink keeps no rows between checkpoints, but was asked to keep " + held.size());
        }
        DataOutputSerializer out = new DataOutputSerializer(64 + held.size() * 96);
        out.writeInt(held.size());
        for (T row : held) {
            rows.serialize(row, out);
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public List<T> deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("Unknown version " + version + " of a sink's held rows; this build reads " + VERSION);
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        int count = in.readInt();
        if (count > 0 && rows == null) {
            throw new IOException("The checkpoint holds " + count + " rows for a sink that keeps none between"
                    + " checkpoints: restore it with the sink's keep-newest setting");
        }
        List<T> held = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            held.add(rows.deserialize(in));
        }
        return held;
    }
}
