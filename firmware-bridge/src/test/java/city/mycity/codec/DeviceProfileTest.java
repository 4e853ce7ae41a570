package city.mycity.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What fuzzing the profiles found: a profile holds only what its text can carry, and numbers that are numbers. */
class DeviceProfileTest {

    @Test
    void refuses_a_setting_its_text_could_not_carry_rather_than_write_one_that_reads_back_otherwise() {
        for (String value : new String[] {"a\u0000", "a b", "a\u001c", "a\u2003", "\t"}) {
            assertThatThrownBy(() -> new DeviceProfile("ultrasonic-bin", Map.of("depth-mm", value)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("without spaces or control characters");
        }
        assertThatThrownBy(() -> new DeviceProfile("ultra sonic", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one word");
        assertThatThrownBy(() -> new DeviceProfile("ultrasonic-bin", Map.of("a=b", "1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_profiles_file_with_a_control_character_in_a_setting_is_refused_naming_the_line() {
        assertThatThrownBy(() -> DeviceProfiles.parse(
                        new StringReader("bin-00017 = ultrasonic-bin depth-mm=11\u000000 a=x\n"), "profiles.conf"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("profiles.conf, line 1: ");
    }

    @Test
    void reads_back_what_it_writes() {
        DeviceProfile profile = DeviceProfile.parse("  ultrasonic-bin  depth-mm=1100 note=a=b\t");

        assertThat(profile.settings()).containsExactlyInAnyOrderEntriesOf(Map.of("depth-mm", "1100", "note", "a=b"));
        assertThat(DeviceProfile.parse(profile.toText())).isEqualTo(profile);
    }

    @Test
    void a_setting_of_nan_or_infinity_is_not_a_number() {
        for (String value : new String[] {"NaN", "Infinity", "-Infinity", "1e400"}) {
            assertThat(new DeviceProfile("ultrasonic-bin", Map.of("depth-mm", value)).number("depth-mm"))
                    .as(value)
                    .isEmpty();
        }
        assertThat(DeviceProfile.parse("ultrasonic-bin depth-mm=1100.5").number("depth-mm"))
                .hasValue(1100.5);
    }
}
