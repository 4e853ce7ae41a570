package city.mycity.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import city.mycity.reading.ReadingMetrics;
import city.mycity.simulator.fault.FaultProfile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RecordingLink link = new RecordingLink();

    private Simulator.Builder simulator() {
        return Simulator.builder()
                .city(TestCity.small())
                .meterRegistry(registry)
                .messageRate(Double.POSITIVE_INFINITY)
                .link(link);
    }

    @Test
    void run_until_sends_at_least_the_messages_asked_for_and_books_them_all() {
        Simulator simulator = simulator().build();

        SimulationSummary summary = simulator.runUntil(1_000);

        assertThat(summary.copiesSent()).isBetween(1_000L, 1_001L);
        assertThat(link.sent()).hasSize((int) summary.copiesSent());
        assertThat(simulator.ledger().messagesSent()).isEqualTo(summary.copiesSent());
        assertThat(summary.unconfirmed()).isZero();
        assertThat(summary.simulatedTo()).isAfter(summary.simulatedFrom());
    }

    @Test
    void starts_by_default_on_a_monday_at_five_in_the_morning() {
        Simulator simulator = simulator().build();

        assertThat(simulator.simulatedNow()).isEqualTo(Instant.parse("2025-03-03T05:00:00Z"));
    }

    @Test
    void runs_continue_where_the_previous_one_stopped() {
        Simulator simulator = simulator().build();

        SimulationSummary first = simulator.runFor(Duration.ofHours(1));
        SimulationSummary second = simulator.runFor(Duration.ofHours(1));

        assertThat(second.simulatedFrom()).isEqualTo(first.simulatedTo());
        assertThat(second.simulatedTo()).isAfter(Instant.parse("2025-03-03T06:55:00Z"));
    }

    @Test
    void counts_forwarded_messages_and_their_readings_in_the_metrics() {
        Simulator simulator = simulator().build();

        simulator.runUntil(500);

        assertThat(registry.get(ReadingMetrics.FORWARDED)
                        .tag(ReadingMetrics.STAGE, "simulator")
                        .counter()
                        .count())
                .isEqualTo(simulator.ledger().messagesSent());
        assertThat(registry.get(ReadingMetrics.RECEIVED)
                        .tag(ReadingMetrics.STAGE, "simulator")
                        .counter()
                        .count())
                .isEqualTo(simulator.ledger().readingsSent());
        assertThat(registry.get(Dispatcher.FAULTS)
                        .tag("fault", "duplicate")
                        .counter()
                        .count())
                .isEqualTo(simulator.ledger().faults(city.mycity.simulator.fault.Fault.DUPLICATE));
    }

    @Test
    void the_message_rate_caps_messages_per_wall_second() {
        Simulator simulator = simulator().messageRate(2_000).build();

        SimulationSummary summary = simulator.runUntil(600);

        // 600 messages at 2,000 a second, less a 50 ms burst: at least a quarter of a second.
        assertThat(summary.wallTime()).isGreaterThan(Duration.ofMillis(200));
    }

    @Test
    void runs_continuously_in_simulated_time_until_closed() {
        Simulator simulator = simulator().speed(3_600).build();

        simulator.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.ledger().messagesSent() > 200);
        simulator.close();
        long sent = simulator.ledger().messagesSent();

        assertThat(simulator.isRunning()).isFalse();
        assertThat(simulator.simulatedNow()).isAfter(Instant.parse("2025-03-03T05:05:00Z"));
        assertThat(link.sent()).hasSize((int) sent);
    }

    @Test
    void refuses_a_bounded_run_while_running_continuously() {
        Simulator simulator = simulator().speed(60).build();
        simulator.start();
        try {
            assertThatThrownBy(() -> simulator.runUntil(1)).isInstanceOf(IllegalStateException.class);
        } finally {
            simulator.close();
        }
    }

    @Test
    void refuses_to_build_without_a_city_or_a_link() {
        assertThatThrownBy(() -> Simulator.builder().link(link).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("City");
        assertThatThrownBy(() -> Simulator.builder().city(TestCity.small()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("link");
        assertThatThrownBy(() -> simulator().speed(0).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() ->
                        simulator().faults(FaultProfile.none()).messageRate(-1).build())
                .isInstanceOf(IllegalStateException.class);
    }
}
