package city.mycity.analytics.bins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class BinWatchTest {

    private static final Instant T0 = Instant.parse("2025-03-03T06:00:00Z");

    private final BinWatch watch = new BinWatch();

    @Test
    void a_bin_filling_two_percent_an_hour_will_be_full_when_its_rate_says() {
        for (int half = 0; half <= 8; half++) {
            watch.fill(10 + half, T0.plus(Duration.ofMinutes(30L * half)));
        }

        BinStatus status = watch.status().orElseThrow();
        assertThat(status.ratePerHour()).isCloseTo(2.0, within(1e-4));
        assertThat(status.fill()).isEqualTo(18);
        assertThat(status.fullAt())
                .isCloseTo(T0.plus(Duration.ofHours(4)).plus(Duration.ofHours(36)), within(1, ChronoUnit.MINUTES));
        assertThat(status.lastCollected()).isNull();
    }

    @Test
    void a_full_bin_is_full_until_it_is_emptied_and_the_emptying_is_a_collection() {
        assertThat(watch.fill(85, T0).full()).isEmpty();
        assertThat(watch.fill(91, T0.plus(Duration.ofMinutes(30))).full()).contains(true);
        assertThat(watch.fill(95, T0.plus(Duration.ofMinutes(60))).full()).isEmpty();

        BinWatch.Change emptied = watch.fill(2, T0.plus(Duration.ofMinutes(90)));

        assertThat(emptied.full()).contains(false);
        assertThat(emptied.collected()).hasValueSatisfying(c -> {
            assertThat(c.fillBefore()).isEqualTo(95);
            assertThat(c.fillAfter()).isEqualTo(2);
        });
        assertThat(watch.status().orElseThrow().lastCollected()).isEqualTo(T0.plus(Duration.ofMinutes(90)));
    }

    @Test
    void an_older_reading_changes_nothing_and_a_small_dip_is_no_collection() {
        watch.fill(50, T0);
        watch.fill(45, T0.plus(Duration.ofMinutes(30)));

        assertThat(watch.fill(5, T0.minus(Duration.ofMinutes(30))).collected()).isEmpty();
        assertThat(watch.status().orElseThrow().fill()).isEqualTo(45);
        assertThat(watch.fill(30, T0.plus(Duration.ofHours(1))).collected())
                .as("not under 20%")
                .isEmpty();
    }
}
