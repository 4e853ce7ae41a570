package city.mycity.simulator.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.mycity.settings.Settings;
import city.mycity.simulator.transport.DeviceLink;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorMainTest {

    @Test
    void sends_each_message_alone_unless_packing_is_on() {
        try (DeviceLink alone = SimulatorMain.link(Settings.of(Map.of("mycity.mqtt.url", "tcp://127.0.0.1:1")));
                DeviceLink packing = SimulatorMain.link(Settings.of(Map.of(
                        "mycity.mqtt.url", "tcp://127.0.0.1:1",
                        "mycity.simulator.packing", "on",
                        "mycity.simulator.pack-max-readings", "500",
                        "mycity.simulator.pack-linger", "20ms")))) {
            assertThat(alone.packsGateways()).isFalse();
            assertThat(packing.packsGateways()).isTrue();
        }
    }

    @Test
    void refuses_packing_over_coap_and_pack_limits_the_platform_would_refuse() {
        assertThatThrownBy(() -> SimulatorMain.link(Settings.of(Map.of(
                        "mycity.simulator.coap.url", "coap://127.0.0.1:5683", "mycity.simulator.packing", "on"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MYCITY_SIMULATOR_PACKING");
        assertThatThrownBy(() -> SimulatorMain.link(Settings.of(Map.of(
                        "mycity.mqtt.url", "tcp://127.0.0.1:1",
                        "mycity.simulator.packing", "on",
                        "mycity.simulator.pack-max-readings", "5000"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("5000");
    }
}
