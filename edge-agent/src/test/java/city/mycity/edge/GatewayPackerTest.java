package city.mycity.edge;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.codec.PayloadDecoders;
import city.mycity.codec.bayframe.BayFrame;
import city.mycity.edge.ForwardResult.Status;
import city.mycity.edge.exception.UplinkUnavailableException;
import city.mycity.edge.telemetry.Sightings;
import city.mycity.reading.DeviceDirectory;
import city.mycity.reading.DeviceInfo;
import city.mycity.reading.ReadingValidator;
import city.mycity.reading.ResolvedRecord;
import city.mycity.reading.SenmlCodec;
import city.mycity.reading.SensorKind;
import city.mycity.reading.Uplink;
import city.mycity.reading.Validation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Gateway packing in the core, through {@link UplinkForwarder#forward} with a fake publisher and a manual clock. */
class GatewayPackerTest {

    private final Sightings sightings = new Sightings();

    private static final String TENANT = "demo-town";

    private final InMemoryPublisher publisher = new InMemoryPublisher();
    private final ManualTimer timer = new ManualTimer();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EdgeMetrics metrics = new EdgeMetrics(registry);
    private UplinkForwarder forwarder = forwarder(3, 64 * 1024);

    /** Devices ending in an odd digit are behind gw-z-a1, the others behind gw-z-b2. */
    private UplinkForwarder forwarder(int maxReadings, int maxBytes) {
        return new UplinkForwarder(
                TENANT,
                GatewayPackerTest::gatewayOf,
                PayloadDecoders.defaults(),
                16 * 1024,
                new Delivery(publisher, Duration.ofMillis(200), metrics),
                new GatewayPacker(
                        TENANT,
                        new PackLimits(maxReadings, maxBytes, Duration.ofMillis(50)),
                        new Delivery(publisher, Duration.ofMillis(200), metrics),
                        timer),
                null,
                metrics,
                sightings);
    }

    private static String gatewayOf(String device) {
        return (device.charAt(device.length() - 1) - '0') % 2 == 1 ? "gw-z-a1" : "gw-z-b2";
    }

    @AfterEach
    void close() {
        forwarder.close();
    }

    private static byte[] senml(String device, long seq, int... values) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            json.append(i == 0 ? "" : ",").append('{');
            if (i == 0) {
                json.append("\"bn\":\"urn:dev:mycity:" + TENANT + ":" + device + ":\",\"bt\":1700000000,\"seq\":")
                        .append(seq)
                        .append(',');
            }
            json.append("\"n\":\"occupied\",\"u\":\"/\",\"v\":").append(values[i]);
            json.append(i == 0 ? "" : ",\"t\":" + i).append('}');
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    private CompletableFuture<ForwardResult> post(String device, int... values) {
        return forwarder.forward(device, 110, senml(device, 7, values)).toCompletableFuture();
    }

    private static List<ResolvedRecord> records(InMemoryPublisher.Published published) {
        return SenmlCodec.json().decode(published.senml()).pack().resolve();
    }

    private double count(String name) {
        var counter = registry.find(name).tag("stage", "edge").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void gathers_the_readings_of_one_gateways_sensors_into_one_pack_on_the_gateway_topic() {
        List<CompletableFuture<ForwardResult>> answers = List.of(post("bay-00001", 1), post("bay-00003", 0));
        assertThat(publisher.published()).isEmpty();

        answers = new ArrayList<>(answers);
        answers.add(post("bay-00005", 1));

        assertThat(publisher.published()).hasSize(1);
        InMemoryPublisher.Published pack = publisher.published().get(0);
        assertThat(pack.topic()).isEqualTo("mycity/v1/demo-town/gw-z-a1/up");
        assertThat(records(pack))
                .extracting(ResolvedRecord::name)
                .containsExactly(
                        "urn:dev:mycity:demo-town:bay-00001:occupied",
                        "urn:dev:mycity:demo-town:bay-00003:occupied",
                        "urn:dev:mycity:demo-town:bay-00005:occupied");
        assertThat(records(pack)).allSatisfy(r -> {
            assertThat(r.time()).isEqualTo(1_700_000_000d);
            assertThat(r.sequence()).isEqualTo(7L);
        });
        assertThat(answers).allSatisfy(a -> assertThat(a.join().status()).isEqualTo(Status.FORWARDED));
    }

    @Test
    void the_platforms_validator_accepts_every_record_of_a_pack_for_the_gateways_own_devices() {
        post("bay-00001", 1);
        post("bay-00003", 0, 1);
        Validation validation = validator()
                .validate(new Uplink(
                        publisher.published().get(0).topic(),
                        publisher.published().get(0).senml(),
                        Instant.now()));

        assertThat(validation.refused()).isEmpty();
        assertThat(validation.accepted()).hasSize(3);
    }

    private static ReadingValidator validator() {
        List<DeviceInfo> devices = IntStream.rangeClosed(1, 9)
                .mapToObj(i -> "bay-0000" + i)
                .map(d ->
                        new DeviceInfo(TENANT, d, gatewayOf(d), SensorKind.PARKING_BAY.code(), "z-a", null, 43.7, 7.4))
                .toList();
        return ReadingValidator.builder(DeviceDirectory.of(devices)).build();
    }

    @Test
    void answers_each_sensor_only_after_the_pack_carrying_its_reading_is_acknowledged() {
        publisher.holdAcknowledgements();

        List<CompletableFuture<ForwardResult>> answers =
                List.of(post("bay-00001", 1), post("bay-00003", 1), post("bay-00005", 1));

        assertThat(publisher.published()).hasSize(1);
        assertThat(answers).noneMatch(CompletableFuture::isDone);
        publisher.acknowledgeAll();
        assertThat(answers).allSatisfy(a -> assertThat(a.join().status()).isEqualTo(Status.FORWARDED));
    }

    @Test
    void publishes_a_pack_that_is_not_full_once_its_oldest_reading_has_waited_the_linger() {
        CompletableFuture<ForwardResult> answer = post("bay-00001", 1);
        assertThat(publisher.published()).isEmpty();
        assertThat(answer).isNotDone();

        timer.runOut();

        assertThat(publisher.published()).hasSize(1);
        assertThat(records(publisher.published().get(0))).hasSize(1);
        assertThat(answer.join().status()).isEqualTo(Status.FORWARDED);
    }

    @Test
    void publishes_a_pack_as_soon_as_it_holds_max_readings_and_never_more() {
        CompletableFuture<ForwardResult> first = post("bay-00001", 1, 0);
        CompletableFuture<ForwardResult> second = post("bay-00003", 1, 0);

        // Two readings and two more would make four: the first pack goes with two, the second waits.
        assertThat(publisher.published()).hasSize(1);
        assertThat(records(publisher.published().get(0))).hasSize(2);
        assertThat(first.join().status()).isEqualTo(Status.FORWARDED);
        assertThat(second).isNotDone();

        post("bay-00005", 1);

        assertThat(publisher.published()).hasSize(2);
        assertThat(records(publisher.published().get(1))).hasSize(3);
        assertThat(second.join().status()).isEqualTo(Status.FORWARDED);
        assertThat(timer.pending()).as("lingers of packs already published").isZero();
    }

    @Test
    void keeps_every_pack_within_the_byte_bound() {
        forwarder.close();
        forwarder = forwarder(2048, 1024);
        List<CompletableFuture<ForwardResult>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            answers.add(post("bay-0000" + (1 + 2 * (i % 5)), 1, 0, 1));
        }
        timer.runOut();

        assertThat(publisher.published()).hasSizeGreaterThan(1);
        assertThat(publisher.published())
                .allSatisfy(p -> assertThat(p.senml().length).isLessThanOrEqualTo(1024));
        assertThat(publisher.published().stream()
                        .mapToInt(p -> records(p).size())
                        .sum())
                .isEqualTo(120);
        assertThat(answers).allSatisfy(a -> assertThat(a.join().status()).isEqualTo(Status.FORWARDED));
    }

    @Test
    void a_failed_pack_publish_answers_all_its_sensors_service_unavailable() {
        publisher.failWith(new UplinkUnavailableException("the broker refused the message with reason code 0x97"));

        List<CompletableFuture<ForwardResult>> answers =
                List.of(post("bay-00001", 1), post("bay-00003", 1), post("bay-00005", 1));

        assertThat(answers).allSatisfy(a -> {
            assertThat(a.join().status()).isEqualTo(Status.UNAVAILABLE);
            assertThat(a.join().detail()).contains("0x97");
        });
        assertThat(count("mycity.messages.failed")).isEqualTo(3);
        assertThat(count("mycity.edge.packs.failed")).isEqualTo(1);
        assertThat(count("mycity.messages.forwarded")).isZero();
    }

    @Test
    void a_pack_not_acknowledged_in_time_answers_all_its_sensors_service_unavailable() {
        publisher.holdAcknowledgements();

        List<CompletableFuture<ForwardResult>> answers =
                List.of(post("bay-00001", 1), post("bay-00003", 1), post("bay-00005", 1));

        assertThat(answers).allSatisfy(a -> {
            assertThat(a.join().status()).isEqualTo(Status.UNAVAILABLE);
            assertThat(a.join().detail()).contains("200 ms");
        });
        publisher.acknowledgeAll();
        assertThat(count("mycity.messages.acknowledged.late")).isEqualTo(3);
        assertThat(count("mycity.messages.forwarded")).isZero();
    }

    @Test
    void readings_of_different_gateways_never_share_a_pack() {
        for (int i = 1; i <= 4; i++) {
            post("bay-0000" + i, 1);
        }
        timer.runOut();

        assertThat(publisher.published())
                .extracting(InMemoryPublisher.Published::topic)
                .containsExactlyInAnyOrder("mycity/v1/demo-town/gw-z-a1/up", "mycity/v1/demo-town/gw-z-b2/up");
        for (InMemoryPublisher.Published pack : publisher.published()) {
            String gateway = pack.topic().split("/")[3];
            assertThat(records(pack)).hasSize(2).allSatisfy(r -> assertThat(
                            gatewayOf(r.name().split(":")[4]))
                    .isEqualTo(gateway));
        }
    }

    @Test
    void joins_a_vendor_frame_and_senml_json_in_one_pack() {
        forwarder.forward("bay-00001", 65001, new BayFrame(true, 1_700_000_100L, 9).toBytes());
        post("bay-00003", 0);
        timer.runOut();

        assertThat(publisher.published()).hasSize(1);
        List<ResolvedRecord> records = records(publisher.published().get(0));
        assertThat(records)
                .extracting(ResolvedRecord::name, ResolvedRecord::time, ResolvedRecord::sequence)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "urn:dev:mycity:demo-town:bay-00001:occupied", 1_700_000_100d, 9L),
                        org.assertj.core.groups.Tuple.tuple(
                                "urn:dev:mycity:demo-town:bay-00003:occupied", 1_700_000_000d, 7L));
    }

    @Test
    void sends_a_message_whose_records_name_another_device_alone_on_its_device_topic() {
        CompletableFuture<ForwardResult> answer =
                forwarder.forward("bay-00001", 110, senml("bay-00003", 1, 1)).toCompletableFuture();

        assertThat(answer.join().status()).isEqualTo(Status.FORWARDED);
        assertThat(publisher.published()).hasSize(1);
        assertThat(publisher.published().get(0).topic()).isEqualTo("mycity/v1/demo-town/gw-z-a1/bay-00001/up");
        assertThat(publisher.published().get(0).senml()).isEqualTo(senml("bay-00003", 1, 1));
    }

    @Test
    void counts_readings_device_messages_and_packs() {
        post("bay-00001", 1, 0);
        post("bay-00003", 1);
        post("bay-00005", 1);
        timer.runOut();

        assertThat(count("mycity.readings.received")).isEqualTo(4);
        assertThat(count("mycity.readings.forwarded")).isEqualTo(4);
        assertThat(count("mycity.messages.forwarded")).isEqualTo(3);
        assertThat(count("mycity.edge.packs.forwarded")).isEqualTo(2);
        var perPack = registry.get("mycity.edge.pack.readings").summary();
        assertThat(perPack.count()).isEqualTo(2);
        assertThat(perPack.totalAmount()).isEqualTo(4);
    }

    @Test
    void answers_service_unavailable_at_once_while_the_broker_is_not_connected() {
        publisher.disconnect();

        ForwardResult result = post("bay-00001", 1).join();

        assertThat(result.status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(result.detail()).contains("not connected");
        assertThat(publisher.published()).isEmpty();
        assertThat(timer.pending()).isZero();
    }

    @Test
    void answers_the_sensors_of_open_packs_service_unavailable_when_closed() {
        CompletableFuture<ForwardResult> answer = post("bay-00001", 1);

        forwarder.close();

        assertThat(answer.join().status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(post("bay-00003", 1).join().status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(publisher.published()).isEmpty();
    }
}
