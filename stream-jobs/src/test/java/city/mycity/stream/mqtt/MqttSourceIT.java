package city.mycity.stream.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.mycity.reading.Uplink;
import city.mycity.reading.UplinkTopic;
import city.mycity.testkit.TestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.flink.connector.testutils.source.reader.TestingReaderOutput;
import org.apache.flink.core.io.InputStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MqttSourceIT {

    private static TestBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = TestBroker.create();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void a_reader_receives_what_gateways_publish_on_its_tenant() throws Exception {
        Run run = new Run();
        MqttSourceReader reader = run.reader();
        try {
            run.publish("m1", "m2", "m3");

            assertThat(run.pollWithCheckpointsUntil(reader, 3)).containsExactlyInAnyOrder("m1", "m2", "m3");
        } finally {
            reader.close();
        }
    }

    @Test
    void messages_not_covered_by_a_completed_checkpoint_are_redelivered_after_a_restart() throws Exception {
        Run run = new Run();
        MqttSourceReader first = run.reader();
        run.publish("acked-1", "acked-2");
        run.pollWithCheckpointsUntil(first, 2);
        run.publish("unacked");
        run.pollUntil(first, 3);
        first.snapshotState(1_000); // this checkpoint never completes: the task fails
        first.close();

        MqttSourceReader second = run.reader();
        try {
            assertThat(run.pollUntil(second, 1)).containsExactly("unacked");
        } finally {
            second.close();
        }
    }

    /** One test's tenant, group and reader output. */
    private static final class Run {
        final String tenant = broker.tenant();
        final MqttSourceSettings settings = new MqttSourceSettings(
                broker.url(),
                broker.username(),
                broker.password(),
                broker.clientId("stream"),
                UplinkTopic.ofTenant(tenant),
                Duration.ofMinutes(5),
                65_535,
                Duration.ofSeconds(10),
                2);
        TestingReaderOutput<Uplink> output;

        MqttSourceReader reader() {
            output = new TestingReaderOutput<>();
            MqttConnections subscriber = new MqttConnections(settings, 0);
            MqttSourceReader reader = new MqttSourceReader(subscriber);
            reader.start();
            reader.addSplits(List.of(new MqttSplit(0)));
            try {
                subscriber.subscribed().get(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("not subscribed", e);
            }
            return reader;
        }

        void publish(String... payloads) {
            var publisher = broker.publisher();
            for (String payload : payloads) {
                publisher.publish("mycity/v1/" + tenant + "/gw-1/dev-1/up", payload);
            }
        }

        /** Polls and completes a checkpoint after each round, as Flink would. */
        List<String> pollWithCheckpointsUntil(MqttSourceReader reader, int count) {
            long[] checkpoint = {100};
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                drain(reader);
                reader.snapshotState(++checkpoint[0]);
                reader.notifyCheckpointComplete(checkpoint[0]);
                return output.getEmittedRecords().size() >= count;
            });
            return payloads();
        }

        List<String> pollUntil(MqttSourceReader reader, int count) {
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                drain(reader);
                return output.getEmittedRecords().size() >= count;
            });
            return payloads();
        }

        void drain(MqttSourceReader reader) throws Exception {
            while (reader.isAvailable().isDone() && reader.pollNext(output) != InputStatus.NOTHING_AVAILABLE) {
                // take what has arrived
            }
        }

        List<String> payloads() {
            return output.getEmittedRecords().stream()
                    .map(u -> new String(u.payload(), StandardCharsets.UTF_8))
                    .toList();
        }
    }
}
