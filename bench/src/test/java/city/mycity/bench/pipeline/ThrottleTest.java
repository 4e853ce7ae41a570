package city.mycity.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThrottleTest {

    @Test
    void holds_a_sender_to_the_rate_after_its_burst() throws InterruptedException {
        try (Throttle throttle = new Throttle()) {
            throttle.rate(20_000);
            long began = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                throttle.acquire(100); // 10,000 units: 0.5 s at 20,000/s, less the 250 ms burst
            }
            double seconds = (System.nanoTime() - began) / 1e9;

            assertThat(seconds).isBetween(0.2, 5.0);
        }
    }

    @Test
    void a_rate_of_zero_pauses_the_sender_and_closing_releases_it() throws Exception {
        Throttle throttle = new Throttle();
        CompletableFuture<Throwable> sender = CompletableFuture.supplyAsync(() -> {
            try {
                throttle.acquire(1);
                return null;
            } catch (InterruptedException | RuntimeException e) {
                return e;
            }
        });
        TimeUnit.MILLISECONDS.sleep(100);
        assertThat(sender).isNotDone();

        throttle.close();

        assertThat(sender.get(5, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> throttle.acquire(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejects_a_negative_rate() {
        try (Throttle throttle = new Throttle()) {
            assertThatThrownBy(() -> throttle.rate(-1)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
