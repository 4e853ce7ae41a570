package city.mycity.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void the_full_run_holds_each_rate_thirty_seconds_in_both_forms() {
        BenchOptions options = BenchOptions.builder().build();

        assertThat(options.isQuick()).isFalse();
        assertThat(options.forms()).containsExactly(MessageForm.PACKS, MessageForm.DEVICES);
        assertThat(options.hold()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.latencyShare()).isEqualTo(0.8);
        assertThat(options.unchained()).isTrue();
        assertThat(options.broker()).isEqualTo(BrokerChoice.EMBEDDED);
    }

    @Test
    void the_quick_run_is_short_and_skips_the_probes() {
        BenchOptions options =
                BenchOptions.quick().forms(Set.of(MessageForm.PACKS)).build();

        assertThat(options.isQuick()).isTrue();
        assertThat(options.hold()).isLessThan(Duration.ofSeconds(30));
        assertThat(options.probeHold()).isZero();
        assertThat(options.maxSteps()).isEqualTo(3);
        assertThat(options.forms()).containsExactly(MessageForm.PACKS);
    }

    @Test
    void rejects_settings_that_cannot_make_a_run() {
        assertThatThrownBy(() -> BenchOptions.builder().forms(Set.of()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least one message form");
        assertThatThrownBy(() -> BenchOptions.builder().hold(Duration.ZERO).build())
                .hasMessageContaining("Hold must be positive");
        assertThatThrownBy(() -> BenchOptions.builder().stepFactor(1).build())
                .hasMessageContaining("Step factor must be above 1");
        assertThatThrownBy(() ->
                        BenchOptions.builder().startRate(MessageForm.DEVICES, 0).build())
                .hasMessageContaining("Start rate of devices");
        assertThatThrownBy(() -> BenchOptions.builder().databaseRows(10).build())
                .hasMessageContaining("Database rows (10)");
    }
}
