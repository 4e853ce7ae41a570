package city.mycity.edge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.mycity.edge.exception.DeviceKeysException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceKeysTest {

    private static DeviceKeys parse(String text) throws Exception {
        return DeviceKeys.parse(new StringReader(text), "keys.conf");
    }

    @Test
    void reads_keys_given_as_hex_or_as_text_by_device() throws Exception {
        DeviceKeys keys = parse("""
                # device = hex:KEY | text:KEY
                bay-00001 = hex:6d7f1a0c9e3b47d2a5c80f16e94b2d73

                bin-00017 = text:a key typed on the console
                """);

        assertThat(keys.devices()).containsExactlyInAnyOrder("bay-00001", "bin-00017");
        assertThat(keys.key("bay-00001"))
                .hasValueSatisfying(key -> assertThat(key).hasSize(16));
        assertThat(keys.key("bin-00017")).hasValueSatisfying(key -> assertThat(new String(key, StandardCharsets.UTF_8))
                .isEqualTo("a key typed on the console"));
        assertThat(keys.key("bay-00002")).isEmpty();
    }

    @Test
    void keys_written_to_a_file_read_back_the_same_typeable_ones_as_text(@TempDir java.nio.file.Path dir)
            throws Exception {
        byte[] typeable = "Abc123xyz789Qrs456".getBytes(StandardCharsets.US_ASCII);
        byte[] binary = new byte[16];
        binary[3] = (byte) 0xFF;
        java.nio.file.Path file = DeviceKeys.of(java.util.Map.of("bay-00001", typeable, "bin-00017", binary))
                .writeTo(dir.resolve("keys.conf"), "for the test");

        DeviceKeys read = DeviceKeys.load(file);

        assertThat(read.key("bay-00001")).hasValue(typeable);
        assertThat(read.key("bin-00017")).hasValue(binary);
        assertThat(java.nio.file.Files.readString(file)).contains("bay-00001 = text:Abc123xyz789Qrs456");
    }

    @Test
    void refuses_short_keys_bad_lines_and_repeated_devices_naming_the_line_but_never_the_key() {
        assertThatThrownBy(() -> parse("bay-1 = text:short-secret\n"))
                .isInstanceOf(DeviceKeysException.class)
                .hasMessageContaining("keys.conf, line 1")
                .hasMessageContaining("at least 16 bytes")
                .hasMessageNotContaining("short-secret");
        assertThatThrownBy(() -> parse("\nbay-1 hex:00\n")).hasMessageContaining("line 2");
        assertThatThrownBy(() -> parse("bay-1 = 0011223344556677889900aabbccddeeff\n"))
                .hasMessageContaining("'hex:' or 'text:'");
        assertThatThrownBy(() -> parse("bay-1 = hex:zz112233445566778899aabbccddeeff\n"))
                .hasMessageContaining("not hexadecimal")
                .hasMessageNotContaining("zz11");
        assertThatThrownBy(() -> parse("BAY 1 = text:a long enough secret key\n"))
                .hasMessageContaining("device id");
        assertThatThrownBy(() -> parse("bay-1 = text:a long enough secret key\nbay-1 = text:another long secret\n"))
                .hasMessageContaining("line 2")
                .hasMessageContaining("has a key already");
    }

    @Test
    void says_how_many_keys_it_holds_but_not_what_they_are() throws Exception {
        assertThat(parse("bay-1 = text:a long enough secret key\n").toString())
                .isEqualTo("1 device keys")
                .doesNotContain("secret");
    }
}
