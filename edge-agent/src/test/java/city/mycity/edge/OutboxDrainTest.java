package city.mycity.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.mycity.edge.exception.MessageRefusedException;
import city.mycity.edge.exception.UplinkUnavailableException;
import city.mycity.edge.outbox.SqliteOutbox;
import city.mycity.reading.ReadingMetrics;
import city.mycity.reading.ResolvedRecord;
import city.mycity.reading.SenmlCodec;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.SenmlRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drain between a real SQLite outbox and a publisher the test acknowledges or fails. */
class OutboxDrainTest {

    private static final String TENANT = "demo-town";

    @TempDir
    Path dir;

    private final InMemoryPublisher publisher = new InMemoryPublisher();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private SqliteOutbox outbox;
    private OutboxDrain drain;

    @BeforeEach
    void start() {
        outbox = SqliteOutbox.open(dir.resolve("outbox.db"), 10_000, 10_000_000);
        drain = new OutboxDrain(
                outbox,
                publisher,
                TENANT,
                new PackLimits(200, 65_536, Duration.ofMillis(50)),
                4,
                Duration.ofSeconds(5),
                new EdgeMetrics(registry));
    }

    @AfterEach
    void stop() {
        drain.close();
        outbox.close();
    }

    private void store(String gateway, String device, int value) throws Exception {
        SenmlPack pack = SenmlPack.of(
                        TENANT,
                        device,
                        Instant.ofEpochSecond(1_700_000_000L),
                        value,
                        List.of(SenmlRecord.measurement("fill", value, "%")))
                .selfContained();
        outbox.append(gateway, device, true, SenmlCodec.json().encode(pack), 1)
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    private static List<Double> values(InMemoryPublisher.Published message) {
        return SenmlCodec.json().decode(message.senml()).pack().resolve().stream()
                .map(ResolvedRecord::value)
                .toList();
    }

    @Test
    void sends_a_gateways_stored_messages_in_one_pack_in_order_and_forgets_them_once_acknowledged() throws Exception {
        for (int i = 1; i <= 5; i++) {
            store("gw-1", "bin-" + i, i);
        }

        drain.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.state().messages() == 0);
        assertThat(publisher.published()).hasSize(1);
        assertThat(publisher.published().get(0).isGatewayPack()).isTrue();
        assertThat(values(publisher.published().get(0))).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);
    }

    @Test
    void a_message_of_another_gateway_goes_in_a_pack_of_its_own_and_order_is_kept() throws Exception {
        store("gw-1", "bin-1", 1);
        store("gw-1", "bin-2", 2);
        store("gw-2", "bin-3", 3);
        store("gw-1", "bin-4", 4);

        drain.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.state().messages() == 0);
        assertThat(publisher.published())
                .extracting(InMemoryPublisher.Published::topic)
                .containsExactly(
                        "mycity/v1/demo-town/gw-1/up", "mycity/v1/demo-town/gw-2/up", "mycity/v1/demo-town/gw-1/up");
        assertThat(publisher.published())
                .map(OutboxDrainTest::values)
                .containsExactly(List.of(1.0, 2.0), List.of(3.0), List.of(4.0));
    }

    @Test
    void after_a_failed_publish_it_sends_again_from_the_oldest_message_left() throws Exception {
        publisher.failWith(new UplinkUnavailableException("the broker is away"));
        store("gw-1", "bin-1", 1);
        store("gw-1", "bin-2", 2);
        drain.start();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> registry.get(ReadingMetrics.FAILED)
                                .tag("stage", "edge")
                                .counter()
                                .count()
                        >= 1);
        assertThat(outbox.state().messages()).isEqualTo(2);

        publisher.failWith(null);
        store("gw-1", "bin-3", 3);

        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.state().messages() == 0);
        List<Double> sent = publisher.published().stream()
                .flatMap(message -> values(message).stream())
                .toList();
        assertThat(sent).containsExactly(1.0, 2.0, 3.0);
    }

    @Test
    void a_message_the_broker_refuses_for_good_is_set_aside_and_the_rest_go_on() throws Exception {
        publisher.failWith(new MessageRefusedException(0x87, "not authorized"));
        store("gw-1", "bin-1", 1);
        drain.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.state().refusedReadings() == 1);
        assertThat(outbox.state().messages()).isZero();

        publisher.failWith(null);
        store("gw-1", "bin-2", 2);

        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        outbox.state().messages() == 0 && !publisher.published().isEmpty());
        assertThat(publisher.published()).map(OutboxDrainTest::values).containsExactly(List.of(2.0));
    }

    @Test
    void joined_packs_are_one_senml_array_of_every_record() {
        byte[] first = "[{\"bn\":\"\",\"n\":\"a\",\"v\":1}]".getBytes();
        byte[] second = "[{\"bn\":\"\",\"n\":\"b\",\"v\":2},{\"n\":\"c\",\"v\":3}]".getBytes();

        byte[] joined = OutboxDrain.join(List.of(
                new city.mycity.edge.outbox.OutboxEntry(1, "gw-1", "a", true, first, 1, 0),
                new city.mycity.edge.outbox.OutboxEntry(2, "gw-1", "b", true, second, 2, 0)));

        assertThat(new String(joined))
                .isEqualTo(
                        "[{\"bn\":\"\",\"n\":\"a\",\"v\":1},{\"bn\":\"\",\"n\":\"b\",\"v\":2},{\"n\":\"c\",\"v\":3}]");
    }
}
