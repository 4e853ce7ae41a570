package city.mycity.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.mycity.settings.Settings;
import city.mycity.simulator.fault.Fault;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorSettingsTest {

    @Test
    void settings_choose_the_start_and_the_fault_profile() {
        Settings settings = Settings.of(Map.of(
                "mycity.simulator.start", "2025-06-07T10:00:00Z",
                "mycity.simulator.faults", "none",
                "mycity.simulator.rate", "Infinity"));
        Simulator simulator = Simulator.builder()
                .city(TestCity.small())
                .settings(settings)
                .meterRegistry(new SimpleMeterRegistry())
                .link(new RecordingLink())
                .build();

        simulator.runUntil(2_000);

        assertThat(simulator.ledger().messagesSent()).isGreaterThanOrEqualTo(2_000);
        assertThat(simulator.simulatedNow()).isAfter(Instant.parse("2025-06-07T10:00:00Z"));
        for (Fault fault : Fault.values()) {
            assertThat(simulator.ledger().faults(fault)).isZero();
        }
    }

    @Test
    void an_unknown_fault_profile_is_refused_naming_the_setting() {
        Settings settings = Settings.of(Map.of("mycity.simulator.faults", "chaos"));

        assertThatThrownBy(() -> settings.get(SimulatorSettings.FAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MYCITY_SIMULATOR_FAULTS")
                .hasMessageContaining("'demo' or 'none'");
    }
}
