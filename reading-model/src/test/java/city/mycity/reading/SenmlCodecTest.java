package city.mycity.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SenmlCodecTest {

    private final SenmlCodec codec = SenmlCodec.json();

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_pack_survives_encoding_and_decoding_unchanged() {
        SenmlRecord full = new SenmlRecord(
                "urn:dev:mycity:t:bin-00001:",
                1.7e9 + 0.25,
                "%",
                2.5,
                10,
                "fill",
                "%",
                42.75,
                null,
                null,
                null,
                3.0,
                -1.5,
                77L);
        SenmlRecord text = new SenmlRecord(
                null, null, null, null, null, "label", null, null, "hello \"ü\"", null, null, null, null, null);
        SenmlRecord flag =
                new SenmlRecord(null, null, null, null, null, "door", null, null, null, true, null, null, null, null);
        SenmlRecord data =
                new SenmlRecord(null, null, null, null, null, "blob", null, null, null, null, "AQID", null, null, null);
        SenmlPack pack = new SenmlPack(List.of(full, text, flag, data));

        SenmlCodec.Decoded decoded = codec.decode(codec.encode(pack));

        assertThat(decoded.isOk()).isTrue();
        assertThat(decoded.pack()).isEqualTo(pack);
    }

    @Test
    void a_pack_built_for_a_device_survives_the_round_trip() {
        SenmlPack pack = SenmlPack.of(
                "demo-town",
                "tc-0001",
                Instant.parse("2025-03-01T08:00:00.123Z"),
                12,
                List.of(SenmlRecord.measurement("count", 17, "count"), SenmlRecord.measurement("speed", 48.5, "km/h")));

        SenmlPack back = codec.decode(codec.encode(pack)).pack();

        assertThat(back).isEqualTo(pack);
        assertThat(back.records().get(0).baseName()).isEqualTo("urn:dev:mycity:demo-town:tc-0001:");
        assertThat(back.records().get(0).baseTime()).isEqualTo(1740816000.123);
        assertThat(back.records().get(0).sequence()).isEqualTo(12L);
        assertThat(back.records().get(1).baseName()).isNull();
    }

    @Test
    void whole_numbers_are_written_without_a_fraction_and_absent_fields_not_at_all() {
        String json = new String(
                codec.encode(new SenmlPack(List.of(SenmlRecord.measurement("occupied", 1, "/")))),
                StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("[{\"n\":\"occupied\",\"u\":\"/\",\"v\":1}]");
    }

    @Test
    void decodes_the_single_datapoint_example_of_rfc_8428() {
        SenmlCodec.Decoded decoded =
                codec.decode(utf8("[{\"n\":\"urn:dev:ow:10e2073a01080063\",\"u\":\"Cel\",\"v\":23.1}]"));

        assertThat(decoded.pack().records())
                .containsExactly(SenmlRecord.measurement("urn:dev:ow:10e2073a01080063", 23.1, "Cel"));
    }

    @Test
    void ignores_unknown_fields_but_refuses_unknown_must_understand_fields() {
        assertThat(codec.decode(utf8("[{\"n\":\"x\",\"v\":1,\"foo\":{\"a\":1}}]"))
                        .isOk())
                .isTrue();

        SenmlCodec.Decoded decoded = codec.decode(utf8("[{\"n\":\"x\",\"v\":1,\"foo_\":1}]"));

        assertThat(decoded.isOk()).isFalse();
        assertThat(decoded.error()).contains("foo_");
    }

    @Test
    void refuses_what_is_not_a_pack_as_malformed() {
        for (String payload : List.of(
                "",
                "{}",
                "42",
                "\"text\"",
                "null",
                "[]",
                "[1]",
                "[{\"n\":\"x\"}",
                "[{\"v\":1}] trailing",
                "not json")) {
            SenmlCodec.Decoded decoded = codec.decode(utf8(payload));
            assertThat(decoded.isOk()).as(payload).isFalse();
            assertThat(decoded.reason()).as(payload).isEqualTo(RefusalReason.MALFORMED_PAYLOAD);
            assertThat(decoded.error()).as(payload).isNotBlank();
        }
    }

    @Test
    void refuses_fields_of_the_wrong_json_type_naming_the_field() {
        for (String record : List.of(
                "{\"n\":1}",
                "{\"bn\":true}",
                "{\"v\":\"12\"}",
                "{\"bt\":\"now\"}",
                "{\"vb\":1}",
                "{\"seq\":1.5}",
                "{\"bver\":\"10\"}",
                "{\"v\":null}",
                "{\"t\":[1]}")) {
            SenmlCodec.Decoded decoded = codec.decode(utf8("[" + record + "]"));
            assertThat(decoded.reason()).as(record).isEqualTo(RefusalReason.WRONG_TYPE);
            assertThat(decoded.error()).as(record).contains("record 0").contains("must be");
        }
    }

    @Test
    void never_throws_on_deeply_nested_json() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        String deepInRecord = "[{\"n\":\"x\",\"v\":1,\"extra\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}]";

        assertThat(codec.decode(utf8(deep)).reason()).isEqualTo(RefusalReason.MALFORMED_PAYLOAD);
        assertThat(codec.decode(utf8(deepInRecord)).isOk()).isFalse();
    }

    @Test
    void never_throws_on_huge_numbers() {
        String digits = "9".repeat(5_000);
        for (String payload : List.of(
                "[{\"n\":\"x\",\"v\":1e999}]",
                "[{\"n\":\"x\",\"v\":-1e999,\"bt\":1e400}]",
                "[{\"n\":\"x\",\"v\":" + digits + "}]",
                "[{\"n\":\"x\",\"seq\":123456789012345678901234567890}]",
                "[{\"n\":\"x\",\"bver\":123456789012345678901234567890}]",
                "[{\"n\":\"x\",\"v\":0." + digits + "}]")) {
            SenmlCodec.Decoded decoded = codec.decode(utf8(payload));
            assertThat(decoded)
                    .as(payload.substring(0, Math.min(60, payload.length())))
                    .isNotNull();
        }
    }

    @Test
    void never_throws_on_binary_garbage() {
        Random random = new Random(8428);
        for (int i = 0; i < 2_000; i++) {
            byte[] garbage = new byte[random.nextInt(300)];
            random.nextBytes(garbage);
            if (garbage.length > 0 && i % 3 == 0) {
                garbage[0] = '[';
            }
            SenmlCodec.Decoded decoded = codec.decode(garbage);
            assertThat(decoded.isOk() || decoded.reason() != null).isTrue();
        }
        assertThat(codec.decode(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0}).isOk())
                .isFalse();
        assertThat(codec.decode(utf8("[{\"n\":\"\u0000\",\"v\":1}]"))).isNotNull();
    }

    @Test
    void never_throws_on_a_null_payload() {
        assertThat(codec.decode(null).reason()).isEqualTo(RefusalReason.MALFORMED_PAYLOAD);
    }
}
