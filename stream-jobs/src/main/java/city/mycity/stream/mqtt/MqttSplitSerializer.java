package city.mycity.stream.mqtt;

import java.nio.ByteBuffer;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Serialises an {@link MqttSplit} as its reader index. */
final class MqttSplitSerializer implements SimpleVersionedSerializer<MqttSplit> {

    static final MqttSplitSerializer INSTANCE = new MqttSplitSerializer();

    @Override
    public int getVersion() {
        return 1;
    }

    @Override
    public byte[] serialize(MqttSplit split) {
        return ByteBuffer.allocate(Integer.BYTES).putInt(split.reader()).array();
    }

    @Override
    public MqttSplit deserialize(int version, byte[] serialized) {
        return new MqttSplit(ByteBuffer.wrap(serialized).getInt());
    }
}
