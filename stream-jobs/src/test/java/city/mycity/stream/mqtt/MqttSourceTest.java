package city.mycity.stream.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MqttSourceTest {

    @Test
    void bounds_what_a_reader_buffers_to_about_a_checkpoints_worth_by_default() {
        MqttSourceSettings settings =
                MqttSource.builder("tcp://localhost:1883").build().settings();

        assertThat(settings.receiveMaximum()).isEqualTo(1_000);
        assertThat(settings.connections() * settings.receiveMaximum()).isLessThanOrEqualTo(4_000);
    }

    @Test
    void refuses_a_receive_maximum_mqtt_does_not_allow() {
        assertThatThrownBy(() -> MqttSource.builder("tcp://localhost:1883")
                        .receiveMaximum(65_536)
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Receive maximum");
    }
}
