package city.mycity.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The pages' sources: what they may fetch, and how their packages are recorded. */
class DashboardTest {

    private static final Path WEB = Path.of("web");
    private static final Pattern ADDRESS = Pattern.compile("https?://[^\\s\"'`)]+");

    @Test
    void the_scripts_fetch_nothing_from_other_hosts() throws IOException {
        for (Path file : files(WEB.resolve("src"), ".js")) {
            assertThat(Files.readString(file)).as(file.toString()).doesNotContainPattern(ADDRESS);
        }
    }

    @Test
    void the_pages_name_other_hosts_only_in_links_people_follow() throws IOException {
        List<Path> pages = Stream.concat(files(WEB, ".html").stream(), files(WEB.resolve("src"), ".html").stream())
                .filter(p ->
                        !p.toString().contains("node_modules") && !p.toString().contains("dist"))
                .toList();
        assertThat(pages).isNotEmpty();
        for (Path page : pages) {
            String html = Files.readString(page);
            Matcher m = ADDRESS.matcher(html);
            while (m.find()) {
                String before = html.substring(Math.max(0, m.start() - 9), m.start());
                assertThat(before).as("%s: %s", page, m.group()).endsWith("<a href=\"");
            }
        }
    }

    @Test
    void the_map_draws_the_platforms_own_base_map_and_glyphs_and_nothing_from_elsewhere() throws IOException {
        String map = Files.readString(WEB.resolve("src/map/city-map.js"));

        assertThat(map).doesNotContain("sprite:", "type: 'raster'", "type: 'vector'", "tiles:");
        assertThat(map)
                .contains(
                        "/api/v1/basemap/glyphs/",
                        "layer('roads')",
                        "layer('buildings')",
                        "layer('water')",
                        "layer('green')",
                        "'text-font': ['DejaVu Sans']");
    }

    @Test
    void the_lockfile_records_versions_and_hashes_but_no_download_address() throws IOException {
        String lock = Files.readString(WEB.resolve("package-lock.json"), StandardCharsets.UTF_8);

        assertThat(lock).contains("\"integrity\": \"sha512-", "\"node_modules/maplibre-gl\"");
        assertThat(lock).doesNotContain("\"resolved\"", "registry.", "tgz");
    }

    @Test
    void the_build_and_the_package_settings_name_no_registry() throws IOException {
        for (Path file : List.of(Path.of("pom.xml"), WEB.resolve("package.json"), WEB.resolve(".npmrc"))) {
            assertThat(Files.readString(file)).as(file.toString()).doesNotContain("registry=", "registry.");
        }
    }

    @Test
    void the_pages_are_built_into_the_webroot_with_a_list_of_their_gzip_copies() {
        ClassLoader loader = getClass().getClassLoader();
        for (String file : List.of("index.html", "index.html.gz", "around.html", "report.html", "open-data.html")) {
            assertThat(loader.getResource(Dashboard.WEBROOT + "/" + file))
                    .as(file)
                    .isNotNull();
        }
        assertThat(PageFiles.load(Dashboard.WEBROOT)).isNotNull();
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix))
                    .filter(p -> !p.toString().contains("node_modules")
                            && !p.toString().contains("/dist/"))
                    .toList();
        }
    }
}
