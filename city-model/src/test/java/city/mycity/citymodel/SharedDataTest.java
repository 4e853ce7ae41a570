package city.mycity.citymodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class SharedDataTest {

    @Test
    void finds_the_shared_osm_extracts_in_place() {
        assertThat(Files.isDirectory(SharedData.folder().resolve("osm"))).isTrue();
        assertThat(SharedData.folder()
                        .toAbsolutePath()
                        .normalize()
                        .startsWith(java.nio.file.Path.of(System.getProperty("user.dir"))
                                .toAbsolutePath()))
                .as("the data is read in place, outside the module")
                .isFalse();
    }
}
