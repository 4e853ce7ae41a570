package city.mycity.stream.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.connector.testutils.source.reader.TestingSplitEnumeratorContext;
import org.junit.jupiter.api.Test;

class MqttEnumeratorTest {

    @Test
    void gives_every_registering_reader_its_own_split() {
        TestingSplitEnumeratorContext<MqttSplit> context = new TestingSplitEnumeratorContext<>(2);
        MqttEnumerator enumerator = new MqttEnumerator(context);
        enumerator.start();

        context.registerReader(0, "localhost");
        enumerator.addReader(0);
        context.registerReader(1, "localhost");
        enumerator.addReader(1);

        assertThat(context.getSplitAssignments().get(0).getAssignedSplits()).containsExactly(new MqttSplit(0));
        assertThat(context.getSplitAssignments().get(1).getAssignedSplits()).containsExactly(new MqttSplit(1));
    }

    @Test
    void split_ids_round_trip_through_the_serializer() {
        MqttSplit split = new MqttSplit(7);

        MqttSplit back = MqttSplitSerializer.INSTANCE.deserialize(1, MqttSplitSerializer.INSTANCE.serialize(split));

        assertThat(back).isEqualTo(split);
        assertThat(back.splitId()).isEqualTo("mqtt-reader-7");
    }
}
