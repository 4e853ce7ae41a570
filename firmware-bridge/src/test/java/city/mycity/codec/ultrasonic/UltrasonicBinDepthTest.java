package city.mycity.codec.ultrasonic;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.codec.DeviceProfile;
import city.mycity.codec.DeviceRef;
import city.mycity.reading.RefusalReason;
import city.mycity.reading.SenmlCodec.Decoded;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What fuzzing the bin codec found: a depth of NaN or Infinity gave every frame a fill of 0 %. */
class UltrasonicBinDepthTest {

    private final UltrasonicBinCodec codec = new UltrasonicBinCodec();
    private final DeviceRef bin = new DeviceRef("demo-town", "bin-00017");
    private final byte[] halfFull = BinFrame.of(1_700_000_000L, 1, 550, 90, 10).toBytes();

    @Test
    void refuses_a_frame_whose_profile_gives_a_depth_that_is_not_a_finite_number() {
        for (String depth : new String[] {"NaN", "Infinity", "1e400"}) {
            Decoded decoded =
                    codec.decode(bin, new DeviceProfile(UltrasonicBinCodec.NAME, Map.of("depth-mm", depth)), halfFull);

            assertThat(decoded.isOk()).as(depth).isFalse();
            assertThat(decoded.reason()).isEqualTo(RefusalReason.MALFORMED_PAYLOAD);
            assertThat(decoded.error()).contains("has no depth-mm");
        }
    }

    @Test
    void reads_the_fill_from_a_finite_depth() {
        Decoded decoded = codec.decode(bin, DeviceProfile.parse("ultrasonic-bin depth-mm=1100"), halfFull);

        assertThat(decoded.pack().records().get(0).value()).isEqualTo(50.0);
    }
}
