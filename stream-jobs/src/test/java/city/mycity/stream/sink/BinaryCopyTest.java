package city.mycity.stream.sink;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.reading.Reading;
import city.mycity.reading.SensorKind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinaryCopyTest {

    private static final Reading READING = new Reading(
            "town",
            "gw-1",
            "tc-0001",
            SensorKind.TRAFFIC_COUNTER,
            "speed",
            48.5,
            "km/h",
            Instant.parse("2000-01-01T00:00:01.000002Z"),
            7,
            Instant.parse("2000-01-01T00:00:00Z"));

    @Test
    void writes_the_signature_a_row_of_eight_fields_and_the_trailer() {
        ByteBuffer copy = ByteBuffer.wrap(BinaryCopy.encode(List.of(READING)));

        byte[] signature = new byte[11];
        copy.get(signature);
        assertThat(signature).isEqualTo("PGCOPY\n\u00ff\r\n\0".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(copy.getInt()).as("flags").isZero();
        assertThat(copy.getInt()).as("header extension").isZero();
        assertThat(copy.getShort()).as("fields").isEqualTo((short) 8);
        assertThat(text(copy)).isEqualTo("town");
        assertThat(text(copy)).isEqualTo("tc-0001");
        assertThat(text(copy)).isEqualTo("speed");
        assertThat(copy.getInt()).isEqualTo(8);
        assertThat(copy.getLong()).as("microseconds since 2000-01-01").isEqualTo(1_000_002L);
        assertThat(copy.getInt()).isEqualTo(8);
        assertThat(copy.getDouble()).isEqualTo(48.5);
        assertThat(text(copy)).isEqualTo("km/h");
        assertThat(copy.getInt()).isEqualTo(8);
        assertThat(copy.getLong()).isEqualTo(7);
        assertThat(copy.getInt()).isEqualTo(8);
        assertThat(copy.getLong()).isZero();
        assertThat(copy.getShort()).as("trailer").isEqualTo((short) -1);
        assertThat(copy.hasRemaining()).isFalse();
    }

    private static String text(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.getInt()];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
