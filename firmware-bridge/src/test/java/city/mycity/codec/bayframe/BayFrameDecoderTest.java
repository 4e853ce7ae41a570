package city.mycity.codec.bayframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.mycity.codec.ContentFormats;
import city.mycity.codec.DeviceRef;
import city.mycity.reading.RefusalReason;
import city.mycity.reading.ResolvedRecord;
import city.mycity.reading.SenmlCodec;
import city.mycity.reading.SenmlCodec.Decoded;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class BayFrameDecoderTest {

    private final BayFrameDecoder decoder = new BayFrameDecoder();
    private final DeviceRef bay = new DeviceRef("demo-town", "cp001-b0042");

    private Decoded decode(String hex) {
        return decoder.decode(bay, ContentFormats.BAY_FRAME, HexFormat.of().parseHex(hex));
    }

    @Test
    void turns_an_occupied_frame_into_one_senml_record_named_after_the_device() {
        // occupied, 2023-11-14T22:13:20Z (0x6553F100), sequence 258 (0x0102)
        Decoded decoded = decode("016553f1000102");

        assertThat(decoded.isOk()).isTrue();
        assertThat(decoded.pack().resolve())
                .containsExactly(new ResolvedRecord(
                        "urn:dev:mycity:demo-town:cp001-b0042:occupied", "/", 1.0, 1_700_000_000, 258L, false, 0));
    }

    @Test
    void writes_the_senml_json_the_platform_expects() {
        String json =
                new String(SenmlCodec.json().encode(decode("006553f1000007").pack()), StandardCharsets.UTF_8);

        assertThat(json)
                .isEqualTo("[{\"bn\":\"urn:dev:mycity:demo-town:cp001-b0042:\",\"bt\":1700000000,"
                        + "\"n\":\"occupied\",\"u\":\"/\",\"v\":0,\"seq\":7}]");
    }

    @Test
    void reads_time_and_sequence_as_unsigned_numbers() {
        Decoded decoded = decode("01fffffffeffff");

        ResolvedRecord record = decoded.pack().resolve().get(0);
        assertThat(record.time()).isEqualTo(4_294_967_294.0);
        assertThat(record.sequence()).isEqualTo(65_535L);
    }

    @Test
    void a_frame_survives_encoding_and_decoding() {
        for (BayFrame frame : List.of(
                new BayFrame(true, 0, 0),
                new BayFrame(false, 1_735_689_600L, 12_345),
                new BayFrame(true, 0xFFFF_FFFFL, 65_535))) {
            ResolvedRecord record = decoder.decode(bay, ContentFormats.BAY_FRAME, frame.toBytes())
                    .pack()
                    .resolve()
                    .get(0);
            assertThat(record.value()).isEqualTo(frame.occupied() ? 1.0 : 0.0);
            assertThat(record.time()).isEqualTo((double) frame.epochSeconds());
            assertThat(record.sequence()).isEqualTo((long) frame.sequence());
        }
    }

    @Test
    void refuses_a_frame_of_the_wrong_length() {
        for (String hex : List.of("", "01", "016553f10001", "016553f100010200")) {
            Decoded decoded = decode(hex);
            assertThat(decoded.reason()).as(hex).isEqualTo(RefusalReason.MALFORMED_PAYLOAD);
            assertThat(decoded.error()).as(hex).contains("7 bytes");
        }
    }

    @Test
    void refuses_a_frame_with_reserved_flag_bits_set() {
        Decoded decoded = decode("836553f1000102");

        assertThat(decoded.reason()).isEqualTo(RefusalReason.MALFORMED_PAYLOAD);
        assertThat(decoded.error()).contains("0x83");
    }

    @Test
    void a_frame_refuses_values_that_do_not_fit_its_fields() {
        assertThatThrownBy(() -> new BayFrame(true, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BayFrame(true, 1L << 32, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BayFrame(true, 0, 65_536)).isInstanceOf(IllegalArgumentException.class);
    }
}
