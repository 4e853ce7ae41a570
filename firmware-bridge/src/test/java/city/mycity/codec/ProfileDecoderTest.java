package city.mycity.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.mycity.codec.puck.PuckFrame;
import city.mycity.codec.ultrasonic.BinFrame;
import city.mycity.reading.RefusalReason;
import city.mycity.reading.ResolvedRecord;
import city.mycity.reading.SenmlCodec.Decoded;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileDecoderTest {

    private static final String PROFILES = """
            # device = codec [key=value ...]
            cp001-b0042 = parking-puck

            bin-00017   = ultrasonic-bin depth-mm=1000
            """;

    private static DeviceProfiles profiles(String text) throws Exception {
        return DeviceProfiles.parse(new StringReader(text), "profiles.conf");
    }

    @Test
    void each_device_is_read_by_the_codec_its_profile_names() throws Exception {
        PayloadDecoders decoders = PayloadDecoders.withProfiles(profiles(PROFILES));
        byte[] puck = PuckFrame.of(true, 1_700_000_000L, 1, 90, 10).toBytes();
        byte[] bin = BinFrame.of(1_700_000_000L, 1, 250, 90, 10).toBytes();

        Decoded fromPuck =
                decoders.decode(new DeviceRef("demo-town", "cp001-b0042"), ContentFormats.OCTET_STREAM, puck);
        Decoded fromBin = decoders.decode(new DeviceRef("demo-town", "bin-00017"), ContentFormats.OCTET_STREAM, bin);

        assertThat(fromPuck.pack().resolve().get(0).name()).endsWith(":occupied");
        assertThat(fromBin.pack().resolve().get(0))
                .extracting(ResolvedRecord::name, ResolvedRecord::value)
                .containsExactly("urn:dev:mycity:demo-town:bin-00017:fill", 75.0);
    }

    @Test
    void a_device_without_a_profile_is_refused_as_unknown() throws Exception {
        Decoded decoded = PayloadDecoders.withProfiles(profiles(PROFILES))
                .decode(new DeviceRef("demo-town", "bin-99999"), ContentFormats.OCTET_STREAM, new byte[11]);

        assertThat(decoded.reason()).isEqualTo(RefusalReason.UNKNOWN_DEVICE);
        assertThat(decoded.error()).contains("bin-99999").contains("no profile");
    }

    @Test
    void a_profile_naming_a_codec_that_does_not_exist_is_refused_when_the_decoder_is_built() {
        DeviceProfiles profiles = DeviceProfiles.of(Map.of("lamp-0001", DeviceProfile.of("street-lamp")));

        assertThatThrownBy(() -> PayloadDecoders.withProfiles(profiles))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lamp-0001 (street-lamp)")
                .hasMessageContaining("ultrasonic-bin");
    }

    @Test
    void profiles_written_to_a_file_read_back_the_same(@TempDir Path folder) throws Exception {
        DeviceProfiles written = profiles(PROFILES + "ws-0001 = water-logger\n");

        Path file = written.writeTo(folder.resolve("profiles.conf"), "Made by a test.");

        assertThat(DeviceProfiles.load(file).asMap()).isEqualTo(written.asMap());
        assertThat(Files.readString(file)).startsWith("# Made by a test.\n").contains("depth-mm=1000");
    }

    @Test
    void a_profiles_file_with_a_bad_line_is_refused_with_the_line_number() {
        assertThatThrownBy(() -> profiles("cp001-b0042 = parking-puck\nbin-1 ultrasonic-bin\n"))
                .hasMessageContaining("profiles.conf, line 2");
        assertThatThrownBy(() -> profiles("bin-1 = ultrasonic-bin depth-mm\n"))
                .hasMessageContaining("line 1")
                .hasMessageContaining("key=value");
        assertThatThrownBy(() -> profiles("bin-1 = ultrasonic-bin\nbin-1 = parking-puck\n"))
                .hasMessageContaining("line 2")
                .hasMessageContaining("has a profile already");
    }
}
