package city.mycity.codec.ultrasonic;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.codec.DeviceProfile;
import city.mycity.codec.DeviceRef;
import city.mycity.reading.RefusalReason;
import city.mycity.reading.ResolvedRecord;
import city.mycity.reading.SenmlCodec.Decoded;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UltrasonicBinCodecTest {

    private final UltrasonicBinCodec codec = new UltrasonicBinCodec();
    private final DeviceRef bin = new DeviceRef("demo-town", "bin-00017");
    private final DeviceProfile deep1200 = DeviceProfile.parse("ultrasonic-bin depth-mm=1200");

    private Decoded decode(DeviceProfile profile, String hex) {
        return codec.decode(bin, profile, HexFormat.of().parseHex(hex));
    }

    @Test
    void turns_the_distance_into_fill_from_the_bins_depth_in_its_profile() {
        // version 1; 2023-11-14T22:13:20Z; sequence 7; 300 mm (0x012c) to the rubbish; battery 64 %; 18 °C
        Decoded decoded = decode(deep1200, "106553f1000007012c4012");

        assertThat(decoded.pack().resolve())
                .extracting(ResolvedRecord::name, ResolvedRecord::unit, ResolvedRecord::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("urn:dev:mycity:demo-town:bin-00017:fill", "%", 75.0),
                        org.assertj.core.groups.Tuple.tuple("urn:dev:mycity:demo-town:bin-00017:battery", "%EL", 64.0),
                        org.assertj.core.groups.Tuple.tuple(
                                "urn:dev:mycity:demo-town:bin-00017:temperature", "Cel", 18.0));
    }

    @Test
    void fill_is_zero_at_the_floor_or_beyond_and_full_at_the_sensor() {
        assertThat(UltrasonicBinCodec.fill(1200, 1200)).isZero();
        assertThat(UltrasonicBinCodec.fill(1500, 1200)).isZero();
        assertThat(UltrasonicBinCodec.fill(0, 1200)).isEqualTo(100.0);
        assertThat(UltrasonicBinCodec.fill(400, 1200)).isEqualTo(66.7);
    }

    @Test
    void a_frame_without_an_echo_reports_battery_and_temperature_but_no_fill() {
        Decoded decoded = codec.decode(
                bin,
                deep1200,
                BinFrame.of(1_700_000_000L, 8, BinFrame.NO_ECHO, 63, 17).toBytes());

        assertThat(decoded.pack().resolve())
                .extracting(ResolvedRecord::name)
                .containsExactly(
                        "urn:dev:mycity:demo-town:bin-00017:battery", "urn:dev:mycity:demo-town:bin-00017:temperature");
    }

    @Test
    void refuses_a_frame_of_a_bin_whose_profile_has_no_depth_saying_what_to_add() {
        for (DeviceProfile profile : List.of(
                DeviceProfile.of(UltrasonicBinCodec.NAME),
                new DeviceProfile(UltrasonicBinCodec.NAME, Map.of("depth-mm", "deep")),
                new DeviceProfile(UltrasonicBinCodec.NAME, Map.of("depth-mm", "0")))) {
            Decoded decoded = decode(profile, "106553f1000007012c4012");
            assertThat(decoded.reason()).isEqualTo(RefusalReason.MALFORMED_PAYLOAD);
            assertThat(decoded.error()).contains("depth-mm");
        }
    }

    @Test
    void refuses_truncated_oversized_and_foreign_frames() {
        assertThat(decode(deep1200, "106553f1000007012c40").error()).contains("11 bytes");
        assertThat(decode(deep1200, "106553f1000007012c401200").error()).contains("11 bytes");
        assertThat(decode(deep1200, "306553f1000007012c4012").error()).contains("format version 3");
        assertThat(decode(deep1200, "116553f1000007012c4012").error()).contains("reserved flag bits");
        assertThat(decode(deep1200, "106553f1000007012c6512").error()).contains("101");
    }
}
