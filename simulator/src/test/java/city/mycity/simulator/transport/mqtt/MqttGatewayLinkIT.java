package city.mycity.simulator.transport.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.mycity.citymodel.City;
import city.mycity.reading.DeviceAddress;
import city.mycity.reading.UplinkTopic;
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
import java.util.Base64;
import java.util.List;
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

    private static MqttGatewayLink link() {
        return MqttGatewayLink.builder(broker.url())
                .username(broker.username())
                .password(broker.password())
                .clientIdPrefix(broker.clientId("sim") + "-")
                .build();
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
