package city.mycity.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SharedDataTest {

    @Test
    void finds_the_shared_data_folder_beside_the_checkout() {
        assertThat(SharedData.root()).isDirectory().endsWith(java.nio.file.Path.of("shared", "data"));
    }

    @Test
    void resolves_a_folder_inside_it() {
        assertThat(SharedData.resolve("osm")).isDirectory();
    }

    @Test
    void says_what_is_missing_when_a_file_is_not_there() {
        assertThatThrownBy(() -> SharedData.resolve("no-such-file.csv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-such-file.csv");
    }
}
