package city.mycity.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.mycity.edge.security.DeviceKeys;
import city.mycity.reading.GatewayTopics;
import city.mycity.reading.SensorKind;
import city.mycity.testkit.ReceivedMessage;
import city.mycity.testkit.TestBroker;
import city.mycity.testkit.TestPublisher;
import city.mycity.testkit.TestSubscriber;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Remote configuration through a real broker: the platform publishes a gateway's configuration retained on {@code
 * mycity/v1/{tenant}/{gateway}/config}; the agent checks and applies it while it runs, answers on {@code .../status},
 * and serves each sensor its settings at {@code GET /config/{device}}, notifying the sensors that observe it.
 */
class RemoteConfigIT {

    private static final String GATEWAY = "gw-z-a1";

    private static TestBroker broker;

    @BeforeAll
    static void broker() {
        broker = TestBroker.create();
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
    }

    private static EdgeAgent agentFor(String tenant) {
        return EdgeAgent.builder()
                .plainCoap(true)
                .tenant(tenant)
                .gateway(GATEWAY)
                // As its device profiles would say: the bins are bins.
                .deviceKinds(device -> device.startsWith("bin-") ? Optional.of(SensorKind.BIN) : Optional.empty())
                .coapPort(0)
                .mqttUrl(broker.url())
                .mqttUsername(broker.username())
                .mqttPassword(broker.password())
                .mqttClientId(broker.clientId("edge"))
                .build()
                .start();
    }

    private static String config(long version, String binInterval) {
        return "{\"version\": " + version + ", \"kinds\": {\"bin\": {\"interval\": \"" + binInterval
                + "\"}}, \"devices\": {\"bin-00017\": {\"thresholds\": {\"fill\": 80}}}}";
    }

    private static String lastStatus(TestSubscriber statuses) {
        List<ReceivedMessage> messages = statuses.messages();
        return messages.isEmpty() ? "" : messages.get(messages.size() - 1).text();
    }

    @Test
    void a_retained_configuration_is_applied_at_start_and_a_new_one_while_running() throws Exception {
        String tenant = broker.tenant();
        TestPublisher platform = broker.publisher();
        TestSubscriber statuses = broker.subscriber(GatewayTopics.configStatus(tenant, GATEWAY));
        // Published before the agent runs: the broker keeps it for the gateway.
        platform.publishRetained(GatewayTopics.config(tenant, GATEWAY), config(1, "PT15M"));

        try (EdgeAgent agent = agentFor(tenant);
                TestCoapClient sensor = new TestCoapClient(agent.coapPort())) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> agent.configuration().version() == 1);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> lastStatus(statuses).equals("{\"version\":1,\"status\":\"applied\",\"running\":1}"));
            List<String> notifications = new CopyOnWriteArrayList<>();
            CoapObserveRelation observing = sensor.observe("/config/bin-00017", notifications::add);
            await().atMost(Duration.ofSeconds(10)).until(() -> !notifications.isEmpty());
            assertThat(notifications.get(0))
                    .isEqualTo("{\"version\":1,\"interval\":900,\"thresholds\":{\"fill\":80.0}}");

            platform.publishRetained(GatewayTopics.config(tenant, GATEWAY), config(2, "PT30M"));

            await().atMost(Duration.ofSeconds(20))
                    .until(() ->
                            notifications.contains("{\"version\":2,\"interval\":1800,\"thresholds\":{\"fill\":80.0}}"));
            assertThat(agent.configuration().version()).isEqualTo(2);
            observing.proactiveCancel();
        }
    }

    @Test
    void over_dtls_a_sensor_reads_only_its_own_settings() {
        byte[] key = "the key of bin 17, 16+ bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (EdgeAgent agent = EdgeAgent.builder()
                        .deviceKeys(DeviceKeys.of(java.util.Map.of("bin-00017", key, "bin-00018", key)))
                        .tenant(broker.tenant())
                        .gateway(GATEWAY)
                        .coapPort(0)
                        .telemetryInterval(Duration.ZERO)
                        .mqttUrl(broker.url())
                        .mqttUsername(broker.username())
                        .mqttPassword(broker.password())
                        .mqttClientId(broker.clientId("edge"))
                        .build()
                        .start();
                TestCoapClient bin17 = TestCoapClient.dtls(agent.coapPort(), "bin-00017", key)) {
            assertThat(bin17.get("/config/bin-00017").getCode()).isEqualTo(ResponseCode.CONTENT);
            assertThat(bin17.get("/config/bin-00018").getCode()).isEqualTo(ResponseCode.FORBIDDEN);
            assertThat(bin17.get("/config/bin-99999").getCode())
                    .as("no such sensor")
                    .isEqualTo(ResponseCode.NOT_FOUND);
        }
    }

    @Test
    void a_bad_configuration_is_refused_with_its_reason_and_the_old_one_kept() {
        String tenant = broker.tenant();
        TestPublisher platform = broker.publisher();
        TestSubscriber statuses = broker.subscriber(GatewayTopics.configStatus(tenant, GATEWAY));
        try (EdgeAgent agent = agentFor(tenant);
                TestCoapClient sensor = new TestCoapClient(agent.coapPort())) {
            await().atMost(Duration.ofSeconds(20)).until(agent::isConnected);
            platform.publishRetained(GatewayTopics.config(tenant, GATEWAY), config(3, "PT15M"));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> agent.configuration().version() == 3);

            platform.publishRetained(
                    GatewayTopics.config(tenant, GATEWAY),
                    "{\"version\": 4, \"kinds\": {\"bin\": {\"thresholds\": {\"fill\": 140}}}}");

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> lastStatus(statuses).contains("\"version\":4"));
            assertThat(lastStatus(statuses))
                    .isEqualTo("{\"version\":4,\"status\":\"refused\",\"reason\":\"kinds.bin.thresholds.fill must be"
                            + " a number from 0.0 to 100.0 %, not 140\",\"running\":3}");
            assertThat(agent.configuration().version()).isEqualTo(3);
            var settings = sensor.get("/config/bin-00017");
            assertThat(settings.getCode()).isEqualTo(ResponseCode.CONTENT);
            assertThat(settings.getResponseText())
                    .isEqualTo("{\"version\":3,\"interval\":900,\"thresholds\":{\"fill\":80.0}}");
        }
    }
}
