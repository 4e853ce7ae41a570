package city.mycity.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.citymodel.GeoPoint;
import city.mycity.citymodel.Sensor;
import city.mycity.codec.ContentFormats;
import city.mycity.reading.RefusalReason;
import city.mycity.reading.SensorKind;
import city.mycity.simulator.fault.Fault;
import city.mycity.simulator.fault.Message;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LedgerTest {

    private static final Sensor COUNTER =
            new Sensor("tc-0001", SensorKind.TRAFFIC_COUNTER, "z-a1", "gw-z-a1", null, null, new GeoPoint(50, 4));

    private final Ledger ledger = new Ledger();

    @Test
    void a_valid_message_sent_once_counts_its_readings_as_valid() {
        Message message = message(2, List.of(), Set.of(), 1);

        ledger.produced(message);
        ledger.delivered(message);

        assertThat(ledger.validReadings()).isEqualTo(2);
        assertThat(ledger.readingsSent()).isEqualTo(2);
        assertThat(ledger.messagesSent()).isEqualTo(1);
        assertThat(ledger.duplicateMessages()).isZero();
    }

    @Test
    void a_duplicated_message_counts_its_valid_readings_once_and_then_as_duplicates() {
        Message message = message(2, List.of(), Set.of(Fault.DUPLICATE), 2);

        ledger.produced(message);
        ledger.delivered(message);
        ledger.delivered(message);

        assertThat(ledger.validReadings()).isEqualTo(2);
        assertThat(ledger.duplicateReadings()).isEqualTo(2);
        assertThat(ledger.duplicateMessages()).isEqualTo(1);
        assertThat(ledger.messagesSent()).isEqualTo(2);
        assertThat(ledger.readingsSent()).isEqualTo(4);
    }

    @Test
    void a_duplicated_partly_invalid_message_is_refused_again_but_counted_once_as_distinct() {
        Message message = message(
                1, List.of(RefusalReason.VALUE_OUT_OF_RANGE), Set.of(Fault.DUPLICATE, Fault.VALUE_OUT_OF_RANGE), 2);

        ledger.produced(message);
        ledger.delivered(message);
        ledger.delivered(message);

        assertThat(ledger.validReadings()).isEqualTo(1);
        assertThat(ledger.duplicateReadings()).isEqualTo(1);
        assertThat(ledger.refusals(RefusalReason.VALUE_OUT_OF_RANGE)).isEqualTo(2);
        assertThat(ledger.distinctRefusals(RefusalReason.VALUE_OUT_OF_RANGE)).isEqualTo(1);
        assertThat(ledger.readingsSent()).isEqualTo(4);
    }

    @Test
    void a_message_without_time_counts_one_refusal_per_record() {
        Message message = message(
                0, List.of(RefusalReason.MISSING_TIME, RefusalReason.MISSING_TIME), Set.of(Fault.MISSING_TIME), 1);

        ledger.produced(message);
        ledger.delivered(message);

        assertThat(ledger.refusals()).isEqualTo(2);
        assertThat(ledger.refusalsByReason()).containsExactly(java.util.Map.entry(RefusalReason.MISSING_TIME, 2L));
        assertThat(ledger.validReadings()).isZero();
    }

    @Test
    void a_dropped_message_counts_only_as_dropped() {
        Message message = message(1, List.of(RefusalReason.WRONG_UNIT), Set.of(Fault.DROPPED, Fault.WRONG_UNIT), 0);

        ledger.produced(message);

        assertThat(ledger.droppedMessages()).isEqualTo(1);
        assertThat(ledger.droppedReadings()).isEqualTo(2);
        assertThat(ledger.readingsSent()).isZero();
        assertThat(ledger.refusals()).isZero();
        assertThat(ledger.faults(Fault.WRONG_UNIT)).isEqualTo(1);
        assertThat(ledger.messagesProduced()).isEqualTo(1);
    }

    @Test
    void when_the_first_copy_fails_the_second_is_not_a_duplicate() {
        Message message = message(2, List.of(), Set.of(Fault.DUPLICATE), 2);

        ledger.produced(message);
        ledger.failed(message);
        ledger.delivered(message);

        assertThat(ledger.sendFailures()).isEqualTo(1);
        assertThat(ledger.validReadings()).isEqualTo(2);
        assertThat(ledger.duplicateMessages()).isZero();
        assertThat(ledger.messagesSent()).isEqualTo(1);
    }

    @Test
    void an_unknown_devices_message_in_a_gateway_pack_is_refused_record_by_record() {
        Message message = new Message(
                COUNTER,
                "test-town",
                7,
                1_741_000_000_000L,
                ContentFormats.SENML_JSON,
                new byte[] {'['},
                null,
                0,
                List.of(RefusalReason.UNKNOWN_DEVICE),
                List.of(RefusalReason.UNKNOWN_DEVICE, RefusalReason.UNKNOWN_DEVICE),
                Set.of(Fault.UNKNOWN_DEVICE),
                1,
                new AtomicBoolean());

        ledger.produced(message, true);
        ledger.delivered(message, true);

        assertThat(ledger.refusals(RefusalReason.UNKNOWN_DEVICE)).isEqualTo(2);
        assertThat(ledger.readingsSent()).isEqualTo(2);
    }

    @Test
    void every_copy_in_a_gateway_pack_counts_as_a_distinct_refusal_because_each_pack_is_new_bytes() {
        Message message = message(1, List.of(RefusalReason.WRONG_UNIT), Set.of(Fault.DUPLICATE, Fault.WRONG_UNIT), 2);

        ledger.produced(message, true);
        ledger.delivered(message, true);
        ledger.delivered(message, true);

        assertThat(ledger.refusals(RefusalReason.WRONG_UNIT)).isEqualTo(2);
        assertThat(ledger.distinctRefusals(RefusalReason.WRONG_UNIT)).isEqualTo(2);
        assertThat(ledger.duplicateReadings()).isEqualTo(1);
    }

    private static Message message(int valid, List<RefusalReason> refusals, Set<Fault> faults, int copies) {
        return new Message(
                COUNTER,
                "test-town",
                7,
                1_741_000_000_000L,
                ContentFormats.SENML_JSON,
                new byte[] {'['},
                null,
                valid,
                refusals,
                refusals,
                faults,
                copies,
                new AtomicBoolean());
    }
}
