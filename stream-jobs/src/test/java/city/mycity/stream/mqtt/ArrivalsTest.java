package city.mycity.stream.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ArrivalsTest {

    private final Arrivals<String> arrivals = new Arrivals<>();

    @Test
    void a_waiting_reader_is_woken_by_the_next_message() {
        CompletableFuture<Void> available = arrivals.available();
        assertThat(available).isNotDone();

        arrivals.add("m1");

        assertThat(available).isDone();
        assertThat(arrivals.poll()).isEqualTo("m1");
    }

    @Test
    void a_reader_that_asks_while_messages_wait_need_not_wait() {
        arrivals.add("m1");

        assertThat(arrivals.available()).isDone();
    }

    @Test
    void once_drained_the_reader_waits_again() {
        arrivals.add("m1");
        arrivals.available();
        arrivals.poll();

        assertThat(arrivals.available()).isNotDone();
        assertThat(arrivals.poll()).isNull();
    }

    @Test
    void a_failure_wakes_the_reader_and_is_thrown_once_the_messages_are_drained() {
        CompletableFuture<Void> available = arrivals.available();
        arrivals.add("m1");
        arrivals.fail(new RuntimeException("connection refused"));

        assertThat(available).isDone();
        assertThat(arrivals.poll()).isEqualTo("m1");
        assertThatThrownBy(arrivals::poll).hasMessageContaining("connection refused");
    }
}
