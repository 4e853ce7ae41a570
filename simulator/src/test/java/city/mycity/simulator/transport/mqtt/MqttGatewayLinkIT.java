package city.mycity.simulator.transport.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.mycity.citymodel.City;
import city.mycity.reading.DeviceAddress;
import city.mycity.reading.DeviceDirectory;
import city.mycity.reading.Reading;
import city.mycity.reading.ReadingValidator;
import city.mycity.reading.RefusalReason;
import city.mycity.reading.SenmlCodec;
import city.mycity.reading.Uplink;
import city.mycity.reading.UplinkTopic;
import city.mycity.reading.Validation;
import city.mycity.simulator.Ledger;
import city.mycity.simulator.RecordingLink;
import city.mycity.simulator.Simulator;
import city.mycity.simulator.TeeLink;
import city.mycity.simulator.TestCity;
import city.mycity.simulator.exception.DeliveryException;
import city.mycity.simulator.fault.FaultProfile;
import city.mycity.testkit.ReceivedMessage;
import city.mycity.testkit.TestBroker;
import city.mycity.testkit.TestSubscriber;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MqttGatewayLinkIT {

    private static TestBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = TestBroker.create();
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
    }

    @Test
    void a_subscriber_receives_exactly_what_the_simulator_sent_on_each_devices_gateway_topic() {
        City city = TestCity.small(broker.tenant());
        TestSubscriber subscriber = broker.subscriber(UplinkTopic.tenant(city.tenant()));
        try (MqttGatewayLink mqtt = link()) {
            TeeLink tee = new TeeLink(mqtt);
            Simulator simulator = Simulator.builder()
                    .city(city)
                    .faults(FaultProfile.demo().toBuilder()
                            .duplicate(0.05)
                            .dropped(0.02)
                            .build())
                    .meterRegistry(new SimpleMeterRegistry())
                    .link(tee)
                    .build();

            simulator.runUntil(2_000);

            assertThat(simulator.ledger().sendFailures()).isZero();
            List<ReceivedMessage> received =
                    subscriber.awaitCount((int) simulator.ledger().messagesSent(), Duration.ofSeconds(60));
            assertThat(received.stream().map(m -> m.topic() + " " + base64(m.payload())))
                    .containsExactlyInAnyOrderElementsOf(tee.recorder().sent().stream()
                            .map(s -> UplinkTopic.of(new DeviceAddress(
                                            s.tenant(),
                                            s.sensor().gateway(),
                                            s.sensor().id()))
                                    + " " + base64(s.payload()))
                            .toList());
            assertThat(received).allSatisfy(m -> assertThat(m.qos()).isEqualTo(1));
            assertThat(simulator.ledger().duplicateMessages()).isPositive();
        }
    }

    @Test
    void in_gateway_pack_form_the_readings_received_resolved_per_record_equal_the_ledgers() {
        City city = TestCity.small(broker.tenant());
        TestSubscriber packs = broker.subscriber(UplinkTopic.ROOT + "/" + city.tenant() + "/+/" + UplinkTopic.UP);
        TestSubscriber alone = broker.subscriber(UplinkTopic.tenant(city.tenant()));
        ReadingValidator validator =
                ReadingValidator.builder(DeviceDirectory.of(city.devices())).build();
        Ledger ledger;
        List<RecordingLink.Sent> sent;
        try (MqttGatewayLink mqtt =
                linkBuilder().gatewayPacks(100, Duration.ofMillis(20)).build()) {
            TeeLink tee = new TeeLink(mqtt);
            Simulator simulator = Simulator.builder()
                    .city(city)
                    .faults(FaultProfile.demo().toBuilder()
                            .duplicate(0.05)
                            .dropped(0.02)
                            .malformedPayload(0.02)
                            .unknownDevice(0.02)
                            .build())
                    .messageRate(Double.POSITIVE_INFINITY)
                    .meterRegistry(new SimpleMeterRegistry())
                    .link(tee)
                    .build();

            simulator.runUntil(3_000);
            ledger = simulator.ledger();
            sent = tee.recorder().sent();
        }

        assertThat(ledger.sendFailures()).isZero();
        // Every record of a pack is a reading; a message sent alone (a malformed payload) is refused as one.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> records(packs.messages()) + alone.messages().size() >= ledger.readingsSent());
        Map<RefusalReason, Long> refused = new EnumMap<>(RefusalReason.class);
        List<String> accepted = new ArrayList<>();
        for (ReceivedMessage message : concat(packs.messages(), alone.messages())) {
            Validation validation = validator.validate(new Uplink(message.topic(), message.payload(), Instant.now()));
            validation.accepted().forEach(r -> accepted.add(key(r)));
            validation.refused().forEach(r -> refused.merge(r.primaryReason(), 1L, Long::sum));
            assertThat(message.qos()).isEqualTo(1);
        }
        assertThat(records(packs.messages()) + alone.messages().size()).isEqualTo(ledger.readingsSent());
        assertThat(refused).isEqualTo(ledger.refusalsByReason()).containsKey(RefusalReason.UNKNOWN_DEVICE);
        assertThat(alone.messages()).hasSize((int) ledger.refusals(RefusalReason.MALFORMED_PAYLOAD));
        assertThat((long) accepted.size()).isEqualTo(ledger.validReadings() + ledger.duplicateReadings());
        assertThat(Set.copyOf(accepted)).hasSize((int) ledger.validReadings());
        // The same readings, record for record, as the messages the simulator produced would give one by one.
        List<String> expected = new ArrayList<>();
        for (RecordingLink.Sent message : sent) {
            validator.validate(message.uplink()).accepted().forEach(r -> expected.add(key(r)));
        }
        assertThat(accepted).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(packs.messages().size()).isLessThan(sent.size() / 10);
    }

    private static long records(List<ReceivedMessage> packs) {
        return packs.stream()
                .mapToLong(m ->
                        SenmlCodec.json().decode(m.payload()).pack().records().size())
                .sum();
    }

    private static List<ReceivedMessage> concat(List<ReceivedMessage> a, List<ReceivedMessage> b) {
        List<ReceivedMessage> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String key(Reading reading) {
        return reading.device() + " " + reading.quantity() + " "
                + reading.time().toEpochMilli() + " " + reading.sequence() + " " + reading.value() + " "
                + reading.gateway();
    }

    @Test
    void a_send_fails_when_the_broker_cannot_be_reached() {
        try (MqttGatewayLink unreachable = MqttGatewayLink.builder("tcp://127.0.0.1:1")
                .connectTimeout(Duration.ofSeconds(2))
                .build()) {
            CompletableFuture<Void> sent = unreachable
                    .send("it-none", TestCity.small().sensors().get(0), new byte[] {'['})
                    .toCompletableFuture();

            await().atMost(Duration.ofSeconds(10)).until(sent::isDone);
            assertThat(sent)
                    .failsWithin(Duration.ZERO)
                    .withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(DeliveryException.class);
        }
    }

    @Test
    void a_message_no_subscriber_takes_fails_at_once_without_a_resend_budget() {
        City city = TestCity.small(broker.tenant());
        try (MqttGatewayLink mqtt = link()) {
            CompletableFuture<Void> sent = mqtt.send(
                            city.tenant(), city.sensors().get(0), new byte[] {'['})
                    .toCompletableFuture();

            await().atMost(Duration.ofSeconds(30)).until(sent::isDone);
            assertThat(sent)
                    .failsWithin(Duration.ZERO)
                    .withThrowableOfType(ExecutionException.class)
                    .withMessageContaining("0x10");
        }
    }

    @Test
    void a_message_no_subscriber_takes_is_sent_again_until_the_stream_job_subscribes() {
        City city = TestCity.small(broker.tenant());
        try (MqttGatewayLink mqtt =
                linkBuilder().resendFor(Duration.ofMinutes(1)).build()) {
            CompletableFuture<Void> sent = mqtt.send(
                            city.tenant(), city.sensors().get(0), new byte[] {'['})
                    .toCompletableFuture();
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> !sent.isDone());

            TestSubscriber subscriber = broker.subscriber(UplinkTopic.tenant(city.tenant()));

            await().atMost(Duration.ofSeconds(30)).until(sent::isDone);
            assertThat(sent).succeedsWithin(Duration.ZERO);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !subscriber.messages().isEmpty());
        }
    }

    private static MqttGatewayLink link() {
        return linkBuilder().build();
    }

    private static MqttGatewayLink.Builder linkBuilder() {
        return MqttGatewayLink.builder(broker.url())
                .username(broker.username())
                .password(broker.password())
                .clientIdPrefix(broker.clientId("sim") + "-");
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
