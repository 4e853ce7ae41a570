package city.mycity.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.mycity.codec.bayframe.BayFrame;
import city.mycity.reading.ResolvedRecord;
import city.mycity.reading.SenmlCodec;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.UplinkTopic;
import city.mycity.testkit.ReceivedMessage;
import city.mycity.testkit.TestBroker;
import city.mycity.testkit.TestSubscriber;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole agent: a real CoAP client posts, a real MQTT broker (TestBroker) receives with QoS 1. */
class EdgeAgentMqttIT {

    private static TestBroker broker;

    @BeforeAll
    static void broker() {
        broker = TestBroker.create();
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
    }

    private static EdgeAgent.Builder agentFor(String tenant) {
        return EdgeAgent.builder()
                .plainCoap(true)
                .tenant(tenant)
                .gateway("gw-z-a1")
                // The gateway's own health readings are TelemetryIT's; here only the sensors' count.
                .telemetryInterval(Duration.ZERO)
                .coapHost("127.0.0.1")
                .coapPort(0)
                .mqttUrl(broker.url())
                .mqttUsername(broker.username())
                .mqttPassword(broker.password())
                .mqttClientId(broker.clientId("edge"));
    }

    /** The filter of every gateway pack of the tenant, {@code mycity/v1/{tenant}/+/up}. */
    private static String gatewayPacks(String tenant) {
        return UplinkTopic.ROOT + "/" + tenant + "/+/" + UplinkTopic.UP;
    }

    private static List<ResolvedRecord> records(ReceivedMessage message) {
        return SenmlCodec.json().decode(message.payload()).pack().resolve();
    }

    private static double count(SimpleMeterRegistry registry, String name) {
        return registry.get(name).tag("stage", "edge").counter().count();
    }

    private static byte[] senml(String tenant, String device) {
        return ("[{\"bn\":\"" + SenmlPack.baseNameOf(tenant, device) + "\",\"bt\":1700000000,\"seq\":1,"
                        + "\"n\":\"occupied\",\"u\":\"/\",\"v\":1}]")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_refused_message_is_reported_to_the_platform_with_its_reason_and_bytes() {
        String tenant = broker.tenant();
        TestSubscriber reports = broker.subscriber(UplinkTopic.ROOT + "/" + tenant + "/+/refused");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (EdgeAgent agent = agentFor(tenant).meterRegistry(registry).build().start();
                TestCoapClient coap = new TestCoapClient(agent.coapPort())) {
            await().atMost(Duration.ofSeconds(20)).until(agent::isConnected);

            CoapResponse response = coap.post("/up/bay-00001", "{not senml".getBytes(StandardCharsets.UTF_8), 110);

            assertThat(response.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
            ReceivedMessage report = reports.awaitCount(1).get(0);
            assertThat(report.topic()).isEqualTo("mycity/v1/" + tenant + "/gw-z-a1/refused");
            assertThat(report.text())
                    .contains("\"device\":\"bay-00001\"")
                    .contains("\"reason\":\"malformed_payload\"")
                    .contains("\"payload\":\""
                            + java.util.Base64.getEncoder()
                                    .encodeToString("{not senml".getBytes(StandardCharsets.UTF_8))
                            + "\"");
            await().untilAsserted(() -> assertThat(registry.get(EdgeAgent.REFUSAL_REPORTS)
                            .tag("result", "sent")
                            .counter()
                            .count())
                    .isEqualTo(1));
        }
    }

    @Test
    void a_coap_post_reaches_the_broker_on_the_devices_topic_with_qos_1_and_is_answered_changed() {
        String tenant = broker.tenant();
        TestSubscriber subscriber = broker.subscriber(UplinkTopic.tenant(tenant));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (EdgeAgent agent = agentFor(tenant)
                        .packing(false)
                        .meterRegistry(registry)
                        .build()
                        .start();
                TestCoapClient coap = new TestCoapClient(agent.coapPort())) {
            await().atMost(Duration.ofSeconds(20)).until(agent::isConnected);

            CoapResponse response = coap.post("/up/bay-00001", senml(tenant, "bay-00001"), 110);

            assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
            ReceivedMessage message = subscriber.awaitCount(1).get(0);
            assertThat(message.topic()).isEqualTo("mycity/v1/" + tenant + "/gw-z-a1/bay-00001/up");
            assertThat(message.qos()).isEqualTo(1);
            assertThat(message.payload()).isEqualTo(senml(tenant, "bay-00001"));
            assertThat(registry.get("mycity.messages.forwarded")
                            .tag("stage", "edge")
                            .counter()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.get("mycity.readings.received")
                            .tag("stage", "edge")
                            .counter()
                            .count())
                    .isEqualTo(1);
        }
    }

    @Test
    void several_sensors_readings_go_up_in_one_gateway_pack_and_each_is_answered_changed_once_the_broker_has_it() {
        String tenant = broker.tenant();
        TestSubscriber packs = broker.subscriber(gatewayPacks(tenant));
        TestSubscriber devices = broker.subscriber(UplinkTopic.tenant(tenant));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        // Five readings fill the pack; the linger is long enough never to be what publishes it.
        try (EdgeAgent agent = agentFor(tenant)
                        .packMaxReadings(5)
                        .packLinger(Duration.ofMinutes(10))
                        .meterRegistry(registry)
                        .build()
                        .start();
                TestCoapClient first = new TestCoapClient(agent.coapPort());
                TestCoapClient second = new TestCoapClient(agent.coapPort());
                TestCoapClient third = new TestCoapClient(agent.coapPort());
                TestCoapClient fourth = new TestCoapClient(agent.coapPort())) {
            await().atMost(Duration.ofSeconds(20)).until(agent::isConnected);

            List<CompletableFuture<CoapResponse>> answers = new ArrayList<>();
            answers.add(first.postAsync("/up/bay-00001", senml(tenant, "bay-00001"), 110));
            answers.add(second.postAsync("/up/bay-00002", senml(tenant, "bay-00002"), 110));
            answers.add(third.postAsync("/up/bay-00003", new BayFrame(true, 1_700_000_000L, 42).toBytes(), 65001));
            await().atMost(Duration.ofSeconds(20)).until(() -> count(registry, "mycity.readings.received") == 3);

            // The pack is not full: nothing was published, so no sensor may have been answered.
            assertThat(answers).noneMatch(CompletableFuture::isDone);
            assertThat(count(registry, "mycity.edge.packs.forwarded")).isZero();

            answers.add(fourth.postAsync(
                    "/up/bay-00004",
                    new String(senml(tenant, "bay-00004"), StandardCharsets.UTF_8)
                            .replace("}]", "},{\"n\":\"occupied\",\"u\":\"/\",\"v\":0,\"t\":60}]")
                            .getBytes(StandardCharsets.UTF_8),
                    110));

            for (CompletableFuture<CoapResponse> answer : answers) {
                assertThat(answer)
                        .succeedsWithin(Duration.ofSeconds(20))
                        .extracting(CoapResponse::getCode)
                        .isEqualTo(ResponseCode.CHANGED);
            }
            ReceivedMessage pack = packs.awaitCount(1).get(0);
            assertThat(pack.topic()).isEqualTo("mycity/v1/" + tenant + "/gw-z-a1/up");
            assertThat(pack.qos()).isEqualTo(1);
            assertThat(records(pack))
                    .extracting(ResolvedRecord::name)
                    .containsExactlyInAnyOrder(
                            SenmlPack.baseNameOf(tenant, "bay-00001") + "occupied",
                            SenmlPack.baseNameOf(tenant, "bay-00002") + "occupied",
                            SenmlPack.baseNameOf(tenant, "bay-00003") + "occupied",
                            SenmlPack.baseNameOf(tenant, "bay-00004") + "occupied",
                            SenmlPack.baseNameOf(tenant, "bay-00004") + "occupied");
            assertThat(count(registry, "mycity.edge.packs.forwarded")).isEqualTo(1);
            assertThat(count(registry, "mycity.messages.forwarded")).isEqualTo(4);
            assertThat(count(registry, "mycity.readings.forwarded")).isEqualTo(5);
            assertThat(packs.messages()).hasSize(1);
            assertThat(devices.messages()).isEmpty();
        }
    }

    @Test
    void gathers_each_gateways_readings_in_its_own_pack_and_decodes_vendor_frames() {
        String tenant = broker.tenant();
        TestSubscriber subscriber = broker.subscriber(gatewayPacks(tenant));
        try (EdgeAgent agent = agentFor(tenant)
                        .gatewayOf(device -> device.endsWith("1") ? "gw-z-a1" : "gw-z-b2")
                        .build()
                        .start();
                TestCoapClient coap = new TestCoapClient(agent.coapPort())) {
            await().atMost(Duration.ofSeconds(20)).until(agent::isConnected);

            assertThat(coap.post("/up/bay-00001", senml(tenant, "bay-00001"), 110)
                            .getCode())
                    .isEqualTo(ResponseCode.CHANGED);
            assertThat(coap.post("/up/bay-00002", new BayFrame(true, 1_700_000_000L, 42).toBytes(), 65001)
                            .getCode())
                    .isEqualTo(ResponseCode.CHANGED);

            List<ReceivedMessage> messages = subscriber.awaitCount(2);
            assertThat(messages)
                    .extracting(ReceivedMessage::topic)
                    .containsExactlyInAnyOrder(
                            "mycity/v1/" + tenant + "/gw-z-a1/up", "mycity/v1/" + tenant + "/gw-z-b2/up");
            assertThat(messages)
                    .filteredOn(m -> m.topic().contains("gw-z-b2"))
                    .flatExtracting(EdgeAgentMqttIT::records)
                    .extracting(ResolvedRecord::name, ResolvedRecord::time, ResolvedRecord::sequence)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(
                            SenmlPack.baseNameOf(tenant, "bay-00002") + "occupied", 1_700_000_000d, 42L));
        }
    }

    @Test
    void forwards_each_message_alone_on_its_devices_topic_with_packing_off() {
        String tenant = broker.tenant();
        TestSubscriber subscriber = broker.subscriber(UplinkTopic.tenant(tenant));
        try (EdgeAgent agent = agentFor(tenant)
                        .packing(false)
                        .gatewayOf(device -> device.endsWith("1") ? "gw-z-a1" : "gw-z-b2")
                        .build()
                        .start();
                TestCoapClient coap = new TestCoapClient(agent.coapPort())) {
            await().atMost(Duration.ofSeconds(20)).until(agent::isConnected);

            assertThat(coap.post("/up/bay-00001", senml(tenant, "bay-00001"), 110)
                            .getCode())
                    .isEqualTo(ResponseCode.CHANGED);
            assertThat(coap.post("/up/bay-00002", new BayFrame(true, 1_700_000_000L, 42).toBytes(), 65001)
                            .getCode())
                    .isEqualTo(ResponseCode.CHANGED);

            List<ReceivedMessage> messages = subscriber.awaitCount(2);
            assertThat(messages)
                    .extracting(ReceivedMessage::topic)
                    .containsExactlyInAnyOrder(
                            "mycity/v1/" + tenant + "/gw-z-a1/bay-00001/up",
                            "mycity/v1/" + tenant + "/gw-z-b2/bay-00002/up");
            assertThat(messages)
                    .filteredOn(m -> m.topic().contains("bay-00002"))
                    .extracting(ReceivedMessage::text)
                    .containsExactly("[{\"bn\":\"" + SenmlPack.baseNameOf(tenant, "bay-00002")
                            + "\",\"bt\":1700000000,\"n\":\"occupied\",\"u\":\"/\",\"v\":1,\"seq\":42}]");
        }
    }

    @Test
    void answers_oversized_and_unsupported_format_without_publishing() {
        String tenant = broker.tenant();
        TestSubscriber subscriber = broker.subscriber(gatewayPacks(tenant));
        try (EdgeAgent agent = agentFor(tenant).maxPayloadBytes(1024).build().start();
                TestCoapClient coap = new TestCoapClient(agent.coapPort())) {
            await().atMost(Duration.ofSeconds(20)).until(agent::isConnected);

            assertThat(coap.post("/up/bay-00001", new byte[2000], 110).getCode())
                    .isEqualTo(ResponseCode.REQUEST_ENTITY_TOO_LARGE);
            assertThat(coap.post("/up/bay-00001", senml(tenant, "bay-00001"), 60)
                            .getCode())
                    .isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
            // A good message after them is the first and only one the broker sees.
            assertThat(coap.post("/up/bay-00003", senml(tenant, "bay-00003"), 110)
                            .getCode())
                    .isEqualTo(ResponseCode.CHANGED);
            assertThat(subscriber.awaitCount(1))
                    .flatExtracting(EdgeAgentMqttIT::records)
                    .extracting(ResolvedRecord::name)
                    .containsExactly(SenmlPack.baseNameOf(tenant, "bay-00003") + "occupied");
            assertThat(subscriber.messages()).hasSize(1);
        }
    }

    @Test
    void answers_service_unavailable_when_no_subscriber_takes_the_reading() {
        String tenant = broker.tenant();
        try (EdgeAgent agent = agentFor(tenant).build().start();
                TestCoapClient coap = new TestCoapClient(agent.coapPort())) {
            await().atMost(Duration.ofSeconds(20)).until(agent::isConnected);

            CoapResponse nobodyListens = coap.post("/up/bay-00001", senml(tenant, "bay-00001"), 110);
            assertThat(nobodyListens.getCode()).isEqualTo(ResponseCode.SERVICE_UNAVAILABLE);

            TestSubscriber subscriber = broker.subscriber(gatewayPacks(tenant));
            CoapResponse again = coap.post("/up/bay-00001", senml(tenant, "bay-00001"), 110);
            assertThat(again.getCode()).isEqualTo(ResponseCode.CHANGED);
            assertThat(subscriber.awaitCount(1)).hasSize(1);
        }
    }

    @Test
    void answers_service_unavailable_while_the_broker_is_down() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (EdgeAgent agent = agentFor(broker.tenant())
                        .mqttUrl("tcp://127.0.0.1:" + closedPort)
                        .build()
                        .start();
                TestCoapClient coap = new TestCoapClient(agent.coapPort())) {
            assertThat(agent.isConnected()).isFalse();

            CoapResponse response = coap.post("/up/bay-00001", senml("x", "bay-00001"), 110);

            assertThat(response.getCode()).isEqualTo(ResponseCode.SERVICE_UNAVAILABLE);
            assertThat(response.getResponseText()).contains("not connected");
        }
    }
}
