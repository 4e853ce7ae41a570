package city.mycity.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Numbers the codec could not keep or write again as they were sent: what fuzzing the codec found. */
class SenmlCodecNumbersTest {

    private final SenmlCodec codec = SenmlCodec.json();

    private SenmlCodec.Decoded decode(String json) {
        return codec.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void refuses_a_sequence_number_past_64_bits_rather_than_cut_it_to_fit() {
        for (String seq : List.of("18446744073709551617", "-9223372036854775809", "9223372036854775808")) {
            SenmlCodec.Decoded decoded = decode("[{\"n\":\"x\",\"v\":1,\"seq\":" + seq + "}]");

            assertThat(decoded.reason()).as(seq).isEqualTo(RefusalReason.WRONG_TYPE);
            assertThat(decoded.error()).contains("'seq' must be a 64-bit integer", seq);
        }
        assertThat(decode("[{\"n\":\"x\",\"v\":1,\"seq\":9223372036854775807}]")
                        .pack()
                        .records()
                        .get(0)
                        .sequence())
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void refuses_a_version_past_32_bits_rather_than_cut_it_to_fit() {
        SenmlCodec.Decoded decoded = decode("[{\"bver\":4294967297,\"n\":\"x\",\"v\":1}]");

        assertThat(decoded.reason()).isEqualTo(RefusalReason.WRONG_TYPE);
        assertThat(decoded.error()).contains("'bver' must be a 32-bit integer");
    }

    @Test
    void writes_a_number_past_what_a_double_holds_as_a_number_that_reads_back_as_infinite() {
        SenmlPack pack = decode("[{\"bn\":\"urn:dev:mycity:t:d:\",\"bt\":1e400,\"n\":\"x\",\"v\":-1e999}]")
                .pack();

        String json = new String(codec.encode(pack), StandardCharsets.UTF_8);

        assertThat(json).contains("\"bt\":1e999", "\"v\":-1e999").doesNotContain("Infinity");
        assertThat(codec.decode(codec.encode(pack)).pack()).isEqualTo(pack);
    }

    @Test
    void a_pack_with_an_infinite_value_joins_a_gateway_pack_without_spoiling_the_other_devices_readings() {
        Instant measured = Instant.parse("2026-11-30T11:59:00Z");
        SenmlPack bad = decode("[{\"bn\":\"" + SenmlPack.baseNameOf("demo-town", "bin-00001") + "\",\"bt\":"
                        + measured.getEpochSecond() + ",\"bv\":1e308,\"n\":\"fill\",\"u\":\"%\",\"v\":1e308}]")
                .pack();
        SenmlPack good =
                SenmlPack.of("demo-town", "bin-00002", measured, 7, List.of(SenmlRecord.measurement("fill", 40, "%")));
        DeviceDirectory directory = DeviceDirectory.of(List.of(
                new DeviceInfo("demo-town", "bin-00001", "gw-z-a1", "bin", "z-a1", null, 43.7, 7.4),
                new DeviceInfo("demo-town", "bin-00002", "gw-z-a1", "bin", "z-a1", null, 43.7, 7.4)));

        Validation validation = ReadingValidator.builder(directory)
                .build()
                .validate(new Uplink(
                        UplinkTopic.ofGateway("demo-town", "gw-z-a1"),
                        codec.encode(SenmlPack.join(List.of(bad, good))),
                        measured.plusSeconds(60)));

        assertThat(validation.accepted()).extracting(Reading::device).containsExactly("bin-00002");
        assertThat(validation.refused()).singleElement().satisfies(refusal -> {
            assertThat(refusal.device()).isEqualTo("bin-00001");
            assertThat(refusal.primaryReason()).isEqualTo(RefusalReason.VALUE_OUT_OF_RANGE);
        });
    }
}
