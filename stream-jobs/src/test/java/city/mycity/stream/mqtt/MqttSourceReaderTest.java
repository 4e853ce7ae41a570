package city.mycity.stream.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.reading.Uplink;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.testutils.source.reader.TestingReaderOutput;
import org.apache.flink.core.io.InputStatus;
import org.junit.jupiter.api.Test;

class MqttSourceReaderTest {

    private final FakeSubscriber subscriber = new FakeSubscriber();
    private final MqttSourceReader reader = new MqttSourceReader(subscriber);
    private final TestingReaderOutput<Uplink> output = new TestingReaderOutput<>();

    @Test
    void connects_once_it_is_given_its_split() {
        reader.start();
        assertThat(subscriber.arrivals).isNull();

        reader.addSplits(List.of(new MqttSplit(0)));
        reader.addSplits(List.of(new MqttSplit(0)));

        assertThat(subscriber.opened).isEqualTo(1);
    }

    @Test
    void emits_messages_when_they_arrive_and_waits_when_none_are_there() throws Exception {
        reader.addSplits(List.of(new MqttSplit(0)));
        assertThat(reader.isAvailable()).isNotDone();
        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.NOTHING_AVAILABLE);

        subscriber.deliver("a", 11);
        subscriber.deliver("b", 12);

        assertThat(reader.isAvailable()).isDone();
        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.MORE_AVAILABLE);
        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        assertThat(output.getEmittedRecords())
                .extracting(u -> new String(u.payload(), StandardCharsets.UTF_8))
                .containsExactly("a", "b");
    }

    @Test
    void acknowledges_a_message_only_when_the_checkpoint_covering_it_completes() throws Exception {
        reader.addSplits(List.of(new MqttSplit(0)));
        subscriber.deliver("a", 11);
        reader.pollNext(output);
        reader.snapshotState(1);
        subscriber.deliver("b", 12);
        reader.pollNext(output);

        assertThat(subscriber.acknowledged).isEmpty();
        reader.notifyCheckpointComplete(1);
        assertThat(subscriber.acknowledged).containsExactly(11L);

        reader.snapshotState(2);
        reader.notifyCheckpointComplete(2);
        assertThat(subscriber.acknowledged).containsExactly(11L, 12L);
    }

    @Test
    void never_acknowledges_a_message_that_was_not_emitted() throws Exception {
        reader.addSplits(List.of(new MqttSplit(0)));
        subscriber.deliver("a", 11);
        reader.snapshotState(1);
        reader.notifyCheckpointComplete(1);

        assertThat(subscriber.acknowledged).isEmpty();
        assertThat(reader.unacknowledged()).isZero();
    }

    @Test
    void keeps_no_split_in_its_state_so_a_restarted_reader_asks_again() {
        reader.addSplits(List.of(new MqttSplit(0)));

        assertThat(reader.snapshotState(1)).isEmpty();
    }

    /** Stands in for the broker connection, which the MQTT ITs exercise for real. */
    private static final class FakeSubscriber implements Subscriber {
        Arrivals<Arrival> arrivals;
        int opened;
        final List<Long> acknowledged = new ArrayList<>();

        @Override
        public void open(Arrivals<Arrival> arrivals) {
            this.arrivals = arrivals;
            opened++;
        }

        void deliver(String payload, int packetId) {
            arrivals.add(new Arrival(
                    new Uplink("mycity/v1/t/g/d/up", payload.getBytes(StandardCharsets.UTF_8), Instant.now()),
                    packetId,
                    1));
        }

        @Override
        public void acknowledge(long ackId) {
            acknowledged.add(ackId);
        }

        @Override
        public void close() {}
    }
}
