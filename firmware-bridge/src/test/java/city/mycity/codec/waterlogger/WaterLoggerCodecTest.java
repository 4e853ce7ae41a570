package city.mycity.codec.waterlogger;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.codec.DeviceProfile;
import city.mycity.codec.DeviceRef;
import city.mycity.reading.ResolvedRecord;
import city.mycity.reading.SenmlCodec.Decoded;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class WaterLoggerCodecTest {

    private final WaterLoggerCodec codec = new WaterLoggerCodec();
    private final DeviceRef logger = new DeviceRef("demo-town", "ws-0003");

    private Decoded decode(String hex) {
        return codec.decode(
                logger, DeviceProfile.of(WaterLoggerCodec.NAME), HexFormat.of().parseHex(hex));
    }

    @Test
    void reads_flow_in_tenths_pressure_in_millibar_and_noise_in_decibels() {
        // version 1; 2023-11-14T22:13:20Z; sequence 9; 1234.5 l/min (12345 = 0x3039); 3.25 bar (3250 = 0x0cb2); 41 dB
        Decoded decoded = decode("106553f100000900003039" + "0cb2" + "29");

        assertThat(decoded.pack().resolve())
                .extracting(ResolvedRecord::name, ResolvedRecord::unit, ResolvedRecord::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("urn:dev:mycity:demo-town:ws-0003:flow", "l/min", 1234.5),
                        org.assertj.core.groups.Tuple.tuple("urn:dev:mycity:demo-town:ws-0003:pressure", "bar", 3.25),
                        org.assertj.core.groups.Tuple.tuple("urn:dev:mycity:demo-town:ws-0003:noise", "dB", 41.0));
    }

    @Test
    void a_frame_survives_encoding_and_decoding() {
        WaterFrame frame = WaterFrame.of(1_735_689_600L, 65_535, 88.8, 4.5, 255);

        Decoded decoded = codec.decode(logger, DeviceProfile.of(WaterLoggerCodec.NAME), frame.toBytes());

        assertThat(decoded.pack().resolve()).extracting(ResolvedRecord::value).containsExactly(88.8, 4.5, 255.0);
    }

    @Test
    void refuses_truncated_oversized_and_foreign_frames() {
        assertThat(decode("106553f1000009000030390cb2").error()).contains("14 bytes");
        assertThat(decode("106553f1000009000030390cb22900").error()).contains("14 bytes");
        assertThat(decode("f06553f1000009000030390cb229").error()).contains("format version 15");
        assertThat(decode("186553f1000009000030390cb229").error()).contains("reserved flag bits");
    }
}
