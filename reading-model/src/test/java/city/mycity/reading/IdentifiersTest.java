package city.mycity.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void accepts_the_platforms_own_identifier_shapes() {
        for (String id : List.of(
                "demo-town",
                "monaco",
                "gw-z-a1",
                "z-a1",
                "cp001",
                "cp001-b0001",
                "bay-00001",
                "tc-0001",
                "a",
                "0",
                "x.y_z",
                "a".repeat(64))) {
            assertThat(Identifiers.isValid(id)).as(id).isTrue();
        }
    }

    @Test
    void refuses_identifiers_unsafe_in_topics_urls_or_sql() {
        List<String> bad = List.of(
                "", "Demo", "-lead", ".lead", "_lead", "a b", "a/b", "a+b", "a#b", "$sys", "a'b", "é", "a".repeat(65));
        for (String id : bad) {
            assertThat(Identifiers.isValid(id)).as(id).isFalse();
        }
        assertThat(Identifiers.isValid(null)).isFalse();
    }

    @Test
    void check_returns_a_valid_identifier_and_names_what_is_wrong_otherwise() {
        assertThat(Identifiers.check("device", "bin-00001")).isEqualTo("bin-00001");
        assertThatThrownBy(() -> Identifiers.check("device", "Bin 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("device identifier")
                .hasMessageEndingWith("Bin 1");
    }
}
