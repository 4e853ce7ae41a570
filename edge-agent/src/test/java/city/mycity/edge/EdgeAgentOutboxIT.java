package city.mycity.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.mycity.reading.SenmlPack;
import city.mycity.reading.UplinkTopic;
import city.mycity.testkit.TcpProxy;
import city.mycity.testkit.TestBroker;
import city.mycity.testkit.TestSubscriber;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent with its durable outbox against a real broker, reached through a TCP proxy that the test takes down: the
 * uplink is cut, not the broker.
 */
class EdgeAgentOutboxIT {

    private static TestBroker broker;
    private TcpProxy uplink;

    @TempDir
    Path dir;

    @BeforeAll
    static void broker() {
        broker = TestBroker.create();
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
    }

    @BeforeEach
    void proxy() throws Exception {
        uplink = TcpProxy.to(URI.create(broker.url()).getPort());
    }

    @AfterEach
    void closeProxy() throws Exception {
        uplink.close();
    }

    private EdgeAgent.Builder agentFor(String tenant, Path outbox) {
        return EdgeAgent.builder()
                .plainCoap(true)
                .tenant(tenant)
                .gateway("gw-z-a1")
                // The gateway's own health readings are TelemetryIT's; here only the sensors' count.
                .telemetryInterval(Duration.ZERO)
                .coapHost("127.0.0.1")
                .coapPort(0)
                .mqttUrl("tcp://127.0.0.1:" + uplink.port())
                .mqttUsername(broker.username())
                .mqttPassword(broker.password())
                .mqttClientId(broker.clientId("edge"))
                .maxReconnectDelay(Duration.ofSeconds(1))
                .publishTimeout(Duration.ofSeconds(5))
                .outbox(outbox);
    }

    private static byte[] senml(String tenant, String device, int seq) {
        return ("[{\"bn\":\"" + SenmlPack.baseNameOf(tenant, device) + "\",\"bt\":1700000000,\"seq\":" + seq
                        + ",\"n\":\"fill\",\"u\":\"%\",\"v\":" + seq + "}]")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Set<String> expected(String tenant, int devices, int each) {
        Set<String> expected = new HashSet<>();
        for (int d = 0; d < devices; d++) {
            for (int s = 1; s <= each; s++) {
                expected.add(SenmlPack.baseNameOf(tenant, "bin-" + d) + "fill#" + s);
            }
        }
        return expected;
    }

    @Test
    void readings_sent_while_the_uplink_is_down_are_answered_at_once_and_reach_the_broker_once_it_is_back() {
        String tenant = broker.tenant();
        TestSubscriber packs = broker.subscriber(UplinkTopic.ROOT + "/" + tenant + "/+/" + UplinkTopic.UP);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        uplink.block();
        try (EdgeAgent agent = agentFor(tenant, dir.resolve("outbox.db"))
                        .meterRegistry(registry)
                        .build()
                        .start();
                TestCoapClient coap = new TestCoapClient(agent.coapPort())) {
            for (int d = 0; d < 20; d++) {
                for (int s = 1; s <= 5; s++) {
                    CoapResponse response = coap.post("/up/bin-" + d, senml(tenant, "bin-" + d, s), 110);
                    assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
                }
            }
            assertThat(agent.isConnected()).isFalse();
            assertThat(registry.get(EdgeMetrics.OUTBOX_READINGS).gauge().value())
                    .isEqualTo(100);

            uplink.unblock();

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> BrokerReadings.of(packs.messages()).size() == 100);
            assertThat(BrokerReadings.of(packs.messages())).isEqualTo(expected(tenant, 20, 5));
            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            registry.get(EdgeMetrics.OUTBOX_READINGS).gauge().value() == 0);
        }
    }

    @Test
    void readings_stored_before_the_agent_stopped_are_sent_by_the_next_agent_on_the_same_outbox() {
        String tenant = broker.tenant();
        TestSubscriber packs = broker.subscriber(UplinkTopic.ROOT + "/" + tenant + "/+/" + UplinkTopic.UP);
        Path outbox = dir.resolve("outbox.db");
        uplink.block();
        try (EdgeAgent agent = agentFor(tenant, outbox)
                        .meterRegistry(new SimpleMeterRegistry())
                        .build()
                        .start();
                TestCoapClient coap = new TestCoapClient(agent.coapPort())) {
            for (int d = 0; d < 10; d++) {
                assertThat(coap.post("/up/bin-" + d, senml(tenant, "bin-" + d, 1), 110)
                                .getCode())
                        .isEqualTo(ResponseCode.CHANGED);
            }
        }
        assertThat(packs.messages()).isEmpty();

        uplink.unblock();
        try (EdgeAgent next = agentFor(tenant, outbox)
                .meterRegistry(new SimpleMeterRegistry())
                .build()
                .start()) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> BrokerReadings.of(packs.messages()).size() == 10);
            assertThat(BrokerReadings.of(packs.messages())).isEqualTo(expected(tenant, 10, 1));
        }
    }
}
