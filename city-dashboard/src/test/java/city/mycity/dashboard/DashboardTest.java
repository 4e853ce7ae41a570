package city.mycity.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The page's own files: what they may and may not fetch. */
class DashboardTest {

    private static final List<String> OWN_FILES =
            List.of("index.html", "style.css", "app.js", "api.js", "format.js", "carpark-list.js", "city-map.js");

    @Test
    void the_page_fetches_nothing_from_other_hosts() throws IOException {
        for (String file : OWN_FILES) {
            String text = read(file).replace("http://www.w3.org/2000/svg", ""); // a namespace, not a fetch
            assertThat(text).as(file).doesNotContainPattern("(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}/");
        }
    }

    @Test
    void the_map_draws_the_platforms_own_base_map_and_glyphs_and_nothing_from_elsewhere() throws IOException {
        String map = read("city-map.js");

        assertThat(map).doesNotContain("sprite:", "type: 'raster'", "type: 'vector'", "tiles:");
        assertThat(map)
                .contains(
                        "api/v1/basemap/glyphs/",
                        "layer('roads')",
                        "layer('buildings')",
                        "layer('water')",
                        "layer('green')",
                        "'text-font': ['DejaVu Sans']");
    }

    @Test
    void the_page_reads_the_api_with_relative_urls() throws IOException {
        String api = read("api.js");

        assertThat(api).contains("'api/v1/city'", "'api/v1/parking/carparks'", "'api/v1/live'");
        assertThat(api).doesNotContain("'/api/");
    }

    @Test
    void maplibre_is_unpacked_into_the_webroot_at_build_time() {
        ClassLoader loader = getClass().getClassLoader();
        for (String file : List.of("maplibre-gl.mjs", "maplibre-gl-worker.mjs", "maplibre-gl.css")) {
            assertThat(loader.getResource(Dashboard.WEBROOT + "/vendor/maplibre-gl/" + file))
                    .as(file)
                    .isNotNull();
        }
    }

    private static String read(String file) throws IOException {
        try (InputStream in =
                DashboardTest.class.getClassLoader().getResourceAsStream(Dashboard.WEBROOT + "/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
