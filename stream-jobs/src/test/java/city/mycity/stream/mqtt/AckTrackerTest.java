package city.mycity.stream.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AckTrackerTest {

    private final AckTracker acks = new AckTracker();

    @Test
    void acknowledges_nothing_before_the_covering_checkpoint_completes() {
        acks.emitted(1);
        acks.snapshot(1);

        assertThat(acks.completed(0)).isEmpty();
        assertThat(acks.unacknowledged()).isEqualTo(1);
    }

    @Test
    void messages_emitted_after_a_snapshot_belong_to_the_next_checkpoint() {
        acks.emitted(1);
        acks.emitted(2);
        acks.snapshot(1);
        acks.emitted(3);

        assertThat(acks.completed(1)).containsExactly(1L, 2L);
        assertThat(acks.unacknowledged()).isEqualTo(1);

        acks.snapshot(2);
        assertThat(acks.completed(2)).containsExactly(3L);
        assertThat(acks.unacknowledged()).isZero();
    }

    @Test
    void a_completed_checkpoint_acknowledges_earlier_ones_whose_notification_never_came() {
        acks.emitted(1);
        acks.snapshot(1);
        acks.emitted(2);
        acks.snapshot(2);

        assertThat(acks.completed(2)).containsExactly(1L, 2L);
        assertThat(acks.completed(1)).isEmpty();
    }
}
