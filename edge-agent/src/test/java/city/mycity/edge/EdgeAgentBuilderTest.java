package city.mycity.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.mycity.edge.security.DeviceKeys;
import city.mycity.settings.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EdgeAgentBuilderTest {

    @Test
    void requires_a_tenant_and_a_gateway_or_gateway_lookup() {
        assertThatThrownBy(() -> EdgeAgent.builder()
                        .plainCoap(true)
                        .gateway("gw-1")
                        .mqttUrl("tcp://x:1883")
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Tenant must be set");
        assertThatThrownBy(() -> EdgeAgent.builder()
                        .plainCoap(true)
                        .tenant("t")
                        .mqttUrl("tcp://x:1883")
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Gateway must be set");
        assertThat(EdgeAgent.builder()
                        .plainCoap(true)
                        .tenant("t")
                        .gatewayOf(device -> "gw-" + device)
                        .publisher(new InMemoryPublisher())
                        .build())
                .isNotNull();
    }

    @Test
    void requires_a_broker_url_unless_given_a_publisher() {
        assertThatThrownBy(() -> EdgeAgent.builder()
                        .plainCoap(true)
                        .tenant("t")
                        .gateway("g")
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MQTT URL");
    }

    @Test
    void refuses_a_plain_tcp_broker_on_another_machine_unless_a_lab_says_so() {
        EdgeAgent.Builder builder =
                EdgeAgent.builder().plainCoap(true).tenant("t").gateway("g").mqttUrl("tcp://broker.example:1883");

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in clear")
                .hasMessageContaining("ssl://");
        assertThat(BrokerUrls.encryptedOrLocal("ssl://broker.example:8883")).isTrue();
        assertThat(BrokerUrls.encryptedOrLocal("tcp://127.0.0.1:1883")).isTrue();
        assertThat(BrokerUrls.encryptedOrLocal("tcp://localhost:1883")).isTrue();
        assertThat(BrokerUrls.encryptedOrLocal("tcp://10.0.0.5:1883")).isFalse();
        assertThat(BrokerUrls.encryptedOrLocal("tcp://127.evil.example:1883")).isFalse();
        assertThat(BrokerUrls.encryptedOrLocal("tcp://127.0.0.2:1883")).isTrue();
    }

    @Test
    void rejects_inconsistent_limits() {
        EdgeAgent.Builder builder =
                EdgeAgent.builder().plainCoap(true).tenant("t").gateway("g").publisher(new InMemoryPublisher());

        assertThatThrownBy(() -> builder.coapPort(70_000).build()).hasMessageContaining("70000");
        assertThatThrownBy(() -> builder.coapPort(0).maxPayloadBytes(0).build()).hasMessageContaining("payload");
        assertThatThrownBy(() -> builder.maxPayloadBytes(10)
                        .publishTimeout(Duration.ZERO)
                        .build())
                .hasMessageContaining("Publish timeout");
    }

    @Test
    void rejects_pack_limits_the_platform_would_not_accept_unless_packing_is_off() {
        EdgeAgent.Builder builder =
                EdgeAgent.builder().plainCoap(true).tenant("t").gateway("g").publisher(new InMemoryPublisher());

        assertThatThrownBy(() -> builder.packMaxReadings(2049).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2049");
        assertThatThrownBy(
                        () -> builder.packMaxReadings(200).packMaxBytes(300_000).build())
                .hasMessageContaining("300000");
        assertThatThrownBy(() ->
                        builder.packMaxBytes(65_536).packLinger(Duration.ZERO).build())
                .hasMessageContaining("Pack linger");
        assertThat(builder.packing(false).build().forwarder().packs()).isFalse();
    }

    @Test
    void packs_by_default_and_main_can_turn_packing_off() {
        assertThat(EdgeAgent.builder()
                        .plainCoap(true)
                        .tenant("t")
                        .gateway("g")
                        .publisher(new InMemoryPublisher())
                        .build()
                        .forwarder()
                        .packs())
                .isTrue();

        EdgeAgent agent = EdgeAgentMain.fromSettings(Settings.of(Map.of(
                        "mycity.edge.tenant", "t",
                        "mycity.edge.gateway", "g",
                        "mycity.mqtt.url", "tcp://127.0.0.1:1",
                        "mycity.edge.plain-coap", "on",
                        "mycity.edge.packing", "off")))
                .build();
        assertThat(agent.forwarder().packs()).isFalse();
        agent.close();
        assertThatThrownBy(() -> EdgeAgentMain.fromSettings(Settings.of(Map.of(
                        "mycity.edge.tenant", "t",
                        "mycity.edge.gateway", "g",
                        "mycity.mqtt.url", "tcp://127.0.0.1:1",
                        "mycity.edge.packing", "sometimes"))))
                .hasMessageContaining("MYCITY_EDGE_PACKING");
    }

    @Test
    void is_not_started_until_start_is_called() {
        EdgeAgent agent = EdgeAgent.builder()
                .plainCoap(true)
                .tenant("t")
                .gateway("g")
                .publisher(new InMemoryPublisher())
                .build();

        assertThatThrownBy(agent::coapPort).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void main_reads_its_settings_and_names_the_missing_ones() {
        assertThatThrownBy(() -> EdgeAgentMain.fromSettings(Settings.of(Map.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MYCITY_EDGE_TENANT");
        assertThatThrownBy(() -> EdgeAgentMain.fromSettings(
                        Settings.of(Map.of("mycity.edge.tenant", "t", "mycity.edge.gateway", "g"))))
                .hasMessageContaining("MYCITY_MQTT_URL");

        EdgeAgent agent = EdgeAgentMain.fromSettings(Settings.of(Map.of(
                        "mycity.edge.tenant", "t",
                        "mycity.edge.gateway", "g",
                        "mycity.mqtt.url", "tcp://127.0.0.1:1",
                        "mycity.mqtt.password", "secret",
                        "mycity.edge.plain-coap", "on",
                        "mycity.edge.publish-timeout", "2s")))
                .build();
        agent.close();
    }

    @Test
    void will_not_start_without_device_keys_unless_plain_coap_is_turned_on_for_a_lab() {
        assertThatThrownBy(() -> EdgeAgent.builder()
                        .tenant("t")
                        .gateway("g")
                        .publisher(new InMemoryPublisher())
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Devices must authenticate")
                .hasMessageContaining("mycity.edge.device-keys");
        assertThatThrownBy(() -> EdgeAgent.builder()
                        .tenant("t")
                        .gateway("g")
                        .publisher(new InMemoryPublisher())
                        .plainCoap(true)
                        .deviceKeys(DeviceKeys.of(Map.of("bay-1", new byte[16])))
                        .build())
                .hasMessageContaining("exclude each other");
    }

    @Test
    void describes_its_settings_without_the_password() {
        String described = Settings.of(Map.of("mycity.mqtt.password", "hunter2", "mycity.edge.tenant", "t"))
                .describe(EdgeSettings.all());

        assertThat(described)
                .contains("mycity.coap.host = 127.0.0.1")
                .contains("mycity.coap.port = 5683")
                .contains("mycity.edge.tenant = t")
                .contains("mycity.edge.packing = true")
                .contains("mycity.edge.pack-max-readings = 200")
                .contains("mycity.edge.pack-max-bytes = 65536")
                .contains("mycity.edge.pack-linger = PT0.05S")
                .contains("mycity.mqtt.password = *****")
                .doesNotContain("hunter2");
    }
}
