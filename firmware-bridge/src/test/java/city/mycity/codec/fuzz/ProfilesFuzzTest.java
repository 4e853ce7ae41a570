package city.mycity.codec.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import city.mycity.codec.DeviceProfile;
import city.mycity.codec.DeviceProfiles;
import city.mycity.reading.fuzz.Fuzz;
import city.mycity.reading.fuzz.Gen;
import city.mycity.reading.fuzz.Mutations;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The device profiles a gateway reads its vendor frames with, on profile files of every kind. */
class ProfilesFuzzTest {

    private static final String WORD = "abcdefghijklmnopqrstuvwxyz0123456789-._";

    /** Profile files: lines of {@code device = codec key=value ...}, comments and blank lines, some of them broken. */
    private static Gen<String> files() {
        Gen<String> word = Gen.strings(WORD, 12).map(w -> "a" + w);
        Gen<String> line = random -> switch (random.nextInt(6)) {
            case 0 -> "# " + Gen.strings(30).next(random);
            case 1 -> "";
            default -> {
                StringBuilder text =
                        new StringBuilder(word.next(random)).append(" = ").append(word.next(random));
                int settings = random.nextInt(4);
                for (int i = 0; i < settings; i++) {
                    text.append(' ').append(word.next(random)).append('=').append(word.next(random));
                }
                yield text.toString();
            }
        };
        Gen<String> valid = Gen.lists(line, 0, 8).map(lines -> String.join("\n", lines));
        return Gen.oneOf(
                valid,
                Mutations.mutated(
                                Gen.utf8(valid),
                                List.of(
                                        "=", " ", "\t", "#", "\n", "\r\n", "==", "\u0000", "\u2003", "\u001c",
                                        "\u0085"),
                                2_000)
                        .map(bytes -> new String(bytes, StandardCharsets.UTF_8)),
                Gen.strings(200));
    }

    @Test
    void every_profile_file_is_read_or_refused_naming_its_line_and_reads_the_same_when_written_again() {
        Fuzz.forAll(files()).check(text -> {
            DeviceProfiles profiles;
            try {
                profiles = DeviceProfiles.parse(new StringReader(text), "profiles.conf");
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).matches("(?s)profiles\\.conf, line \\d+: .+");
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            profiles.asMap().forEach((device, profile) -> assertThat(DeviceProfile.parse(profile.toText()))
                    .as("%s written again", Fuzz.show(profile.toText()))
                    .isEqualTo(profile));
        });
    }

    @Test
    void every_profile_is_read_or_refused_with_a_message() {
        Fuzz.forAll(Gen.oneOf(files(), Gen.strings(60))).check(text -> {
            Throwable refused = catchThrowable(() -> DeviceProfile.parse(text));
            if (refused != null) {
                assertThat(refused).isInstanceOf(IllegalArgumentException.class);
                assertThat(refused.getMessage()).isNotBlank();
            } else {
                DeviceProfile profile = DeviceProfile.parse(text);
                assertThat(profile.codec()).isNotBlank();
                profile.settings().keySet().forEach(key -> assertThat(profile.number(key))
                        .isNotNull());
            }
        });
    }
}
