package city.mycity.stream.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AckIdsTest {

    private final AckIds ids = new AckIds(3);

    @Test
    void a_message_of_the_current_connection_is_acknowledged_by_its_packet_id() {
        long ackId = ids.of(42);

        assertThat(Arrival.connectionOf(ackId)).isEqualTo(3);
        assertThat(ids.packetIdToAcknowledge(ackId)).hasValue(42);
    }

    @Test
    void a_message_received_before_a_reconnect_is_not_acknowledged_after_it() {
        long before = ids.of(42);

        ids.newConnection();
        long after = ids.of(42);

        assertThat(ids.packetIdToAcknowledge(before)).isEmpty();
        assertThat(ids.packetIdToAcknowledge(after)).hasValue(42);
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void a_message_received_before_the_connection_dropped_stays_stale_whatever_the_callbacks_order() {
        long before = ids.of(7);

        ids.newConnection(); // disconnected
        long between = ids.of(8);
        ids.newConnection(); // connectComplete(reconnect = true)

        assertThat(ids.packetIdToAcknowledge(before)).isEmpty();
        assertThat(ids.packetIdToAcknowledge(between)).isEmpty();
        assertThat(ids.packetIdToAcknowledge(ids.of(7))).hasValue(7);
    }

    @Test
    void connection_and_packet_id_survive_any_generation_and_the_largest_values() {
        long ackId = Arrival.ackId(-1, 999, 65_535);

        assertThat(Arrival.generationOf(ackId)).isEqualTo(-1);
        assertThat(Arrival.connectionOf(ackId)).isEqualTo(999);
        assertThat(Arrival.packetIdOf(ackId)).isEqualTo(65_535);
    }
}
