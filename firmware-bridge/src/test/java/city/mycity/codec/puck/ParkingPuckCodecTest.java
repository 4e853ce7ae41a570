package city.mycity.codec.puck;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.codec.DeviceProfile;
import city.mycity.codec.DeviceRef;
import city.mycity.reading.RefusalReason;
import city.mycity.reading.ResolvedRecord;
import city.mycity.reading.SenmlCodec.Decoded;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParkingPuckCodecTest {

    private final ParkingPuckCodec codec = new ParkingPuckCodec();
    private final DeviceRef puck = new DeviceRef("demo-town", "cp001-b0042");

    private Decoded decode(String hex) {
        return codec.decode(
                puck, DeviceProfile.of(ParkingPuckCodec.NAME), HexFormat.of().parseHex(hex));
    }

    @Test
    void reads_occupancy_battery_and_temperature_from_the_documented_bytes() {
        // version 1, occupied; 2023-11-14T22:13:20Z; sequence 258; battery 87 %; -5 °C
        Decoded decoded = decode("116553f100010257fb");

        assertThat(decoded.isOk()).isTrue();
        assertThat(decoded.pack().resolve())
                .extracting(ResolvedRecord::name, ResolvedRecord::unit, ResolvedRecord::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("urn:dev:mycity:demo-town:cp001-b0042:occupied", "/", 1.0),
                        org.assertj.core.groups.Tuple.tuple(
                                "urn:dev:mycity:demo-town:cp001-b0042:battery", "%EL", 87.0),
                        org.assertj.core.groups.Tuple.tuple(
                                "urn:dev:mycity:demo-town:cp001-b0042:temperature", "Cel", -5.0));
        assertThat(decoded.pack().resolve().get(0).time()).isEqualTo(1_700_000_000.0);
        assertThat(decoded.pack().resolve().get(0).sequence()).isEqualTo(258L);
    }

    @Test
    void a_frame_survives_encoding_and_decoding() {
        PuckFrame frame = PuckFrame.of(false, 0xFFFF_FFFFL, 65_535, 100, 127);

        List<ResolvedRecord> records = codec.decode(puck, DeviceProfile.of(ParkingPuckCodec.NAME), frame.toBytes())
                .pack()
                .resolve();

        assertThat(records).extracting(ResolvedRecord::value).containsExactly(0.0, 100.0, 127.0);
        assertThat(records.get(0).time()).isEqualTo(4_294_967_295.0);
        assertThat(records.get(0).sequence()).isEqualTo(65_535L);
    }

    @Test
    void refuses_truncated_and_oversized_frames_naming_the_length() {
        for (String hex : List.of("", "11", "116553f100010257", "116553f100010257fb00")) {
            Decoded decoded = decode(hex);
            assertThat(decoded.reason()).as(hex).isEqualTo(RefusalReason.MALFORMED_PAYLOAD);
            assertThat(decoded.error()).as(hex).contains("9 bytes");
        }
    }

    @Test
    void refuses_a_frame_of_another_version_or_with_reserved_bits_set() {
        assertThat(decode("216553f100010257fb").error()).contains("format version 2");
        assertThat(decode("016553f100010257fb").error()).contains("format version 0");
        assertThat(decode("136553f100010257fb").error()).contains("reserved flag bits");
    }

    @Test
    void refuses_a_battery_above_one_hundred_percent() {
        Decoded decoded = decode("116553f1000102fffb");

        assertThat(decoded.reason()).isEqualTo(RefusalReason.MALFORMED_PAYLOAD);
        assertThat(decoded.error()).contains("255");
    }
}
