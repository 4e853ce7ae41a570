package city.mycity.stream.ingest;

import static city.mycity.stream.TestCity.T0;
import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.reading.Problem;
import city.mycity.reading.Refusal;
import city.mycity.reading.RefusalReason;
import city.mycity.reading.Uplink;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefusalRowTest {

    private static final String TOPIC = "mycity/v1/test-town/gw-z-a1/bin-00001/up";

    @Test
    void drops_nul_and_control_characters_from_every_text() {
        Refusal refusal = new Refusal(
                TOPIC + "\u0000",
                "test-town",
                "gw-z-a1",
                "bin-00001",
                "fi\u0000ll\n",
                0,
                List.of(new Problem(RefusalReason.UNKNOWN_QUANTITY, "a bin does not report 'fi\u0000ll\n'")),
                T0,
                "[{\"n\":\"fi\u0000ll\"}]",
                null);

        RefusalRow row = RefusalRow.of(uplink("x"), refusal);

        assertThat(row.topic()).isEqualTo(TOPIC);
        assertThat(row.quantity()).isEqualTo("fill");
        assertThat(row.details()).containsExactly("a bin does not report 'fill'");
        assertThat(row.excerpt()).isEqualTo("[{\"n\":\"fill\"}]");
        assertThat(row.reasons()).containsExactly("unknown_quantity");
    }

    @Test
    void caps_the_length_of_device_controlled_text_without_splitting_a_character() {
        String longName = "\uD83D\uDE97".repeat(1000);
        Refusal refusal = new Refusal(
                TOPIC,
                "test-town",
                "gw-z-a1",
                "bin-00001",
                longName,
                0,
                List.of(new Problem(RefusalReason.UNKNOWN_QUANTITY, "x".repeat(10_000))),
                T0,
                "",
                null);

        RefusalRow row = RefusalRow.of(uplink("x"), refusal);

        assertThat(row.quantity().codePointCount(0, row.quantity().length())).isEqualTo(RefusalRow.NAME_CHARS);
        assertThat(row.quantity()).endsWith("\uD83D\uDE97…");
        assertThat(row.details()[0]).hasSize(RefusalRow.DETAIL_CHARS);
    }

    @Test
    void a_refusal_without_topic_or_excerpt_still_has_the_columns_the_table_requires() {
        Refusal refusal = new Refusal(
                null,
                null,
                null,
                null,
                null,
                -1,
                List.of(new Problem(RefusalReason.MALFORMED_TOPIC, "no topic")),
                T0,
                null,
                null);

        RefusalRow row = RefusalRow.of(new Uplink(null, new byte[0], T0), refusal);

        assertThat(row.topic()).isEmpty();
        assertThat(row.excerpt()).isEmpty();
        assertThat(row.digest()).hasSize(32);
    }

    @Test
    void a_message_without_payload_is_digested_as_an_empty_one() {
        Refusal refusal = new Refusal(
                TOPIC,
                "test-town",
                "gw-z-a1",
                "bin-00001",
                null,
                -1,
                List.of(new Problem(RefusalReason.MALFORMED_PAYLOAD, "empty")),
                T0,
                "",
                null);

        RefusalRow row = RefusalRow.of(new Uplink(TOPIC, null, T0), refusal);

        assertThat(row.digest()).isEqualTo(RefusalRow.digest(uplink("")));
    }

    private static Uplink uplink(String payload) {
        return new Uplink(TOPIC, payload.getBytes(StandardCharsets.UTF_8), T0);
    }
}
