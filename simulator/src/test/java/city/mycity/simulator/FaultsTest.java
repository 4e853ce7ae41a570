package city.mycity.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import city.mycity.simulator.fault.Fault;
import city.mycity.simulator.fault.FaultProfile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultsTest {

    @Test
    void faults_happen_at_roughly_the_configured_rates() {
        FaultProfile profile = FaultProfile.builder()
                .stuck(0.04)
                .dropped(0.02)
                .duplicate(0.03)
                .malformedPayload(0.01)
                .valueOutOfRange(0.02)
                .wrongUnit(0.015)
                .unknownDevice(0.01)
                .missingTime(0.025)
                .build();
        Simulator simulator = simulator(profile, new RecordingLink(), 42);

        simulator.runUntil(40_000);
        Ledger ledger = simulator.ledger();

        for (Fault fault : Fault.values()) {
            double expected = profile.rate(fault);
            double observed = ledger.faults(fault) / (double) ledger.messagesProduced();
            assertThat(observed).as("rate of %s", fault).isCloseTo(expected, within(expected * 0.3));
        }
    }

    @Test
    void the_same_seed_sends_the_same_payloads_in_the_same_order() {
        List<String> first = payloads(42, FaultProfile.demo());
        List<String> second = payloads(42, FaultProfile.demo());
        List<String> other = payloads(43, FaultProfile.demo());

        assertThat(first).hasSizeGreaterThan(2_000).isEqualTo(second);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void no_faults_means_no_faults() {
        Simulator simulator = simulator(FaultProfile.none(), new RecordingLink(), 1);

        simulator.runUntil(5_000);

        for (Fault fault : Fault.values()) {
            assertThat(simulator.ledger().faults(fault)).as("%s", fault).isZero();
        }
        assertThat(simulator.ledger().messagesSent())
                .isEqualTo(simulator.ledger().messagesProduced());
    }

    @Test
    void a_profile_refuses_rates_that_cannot_all_happen() {
        assertThatThrownBy(
                        () -> FaultProfile.builder().dropped(0.6).duplicate(0.6).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> FaultProfile.builder()
                        .malformedPayload(0.5)
                        .missingTime(0.6)
                        .build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> FaultProfile.builder().wrongUnit(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_demo_profile_has_every_fault_but_rarely() {
        for (Fault fault : Fault.values()) {
            assertThat(FaultProfile.demo().rate(fault)).as("%s", fault).isBetween(0.001, 0.02);
        }
    }

    private static List<String> payloads(long seed, FaultProfile faults) {
        RecordingLink link = new RecordingLink();
        simulator(faults, link, seed).runUntil(3_000);
        return link.sent().stream()
                .map(s -> s.sensor().gateway() + "/" + s.sensor().id() + " "
                        + Base64.getEncoder().encodeToString(s.payload()))
                .toList();
    }

    private static Simulator simulator(FaultProfile faults, RecordingLink link, long seed) {
        return Simulator.builder()
                .city(TestCity.small())
                .seed(seed)
                .faults(faults)
                .messageRate(Double.POSITIVE_INFINITY)
                .meterRegistry(new SimpleMeterRegistry())
                .link(link)
                .build();
    }
}
