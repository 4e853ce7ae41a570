package city.mycity.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import city.mycity.citymodel.City;
import city.mycity.geo.GeoService;
import city.mycity.geo.TestCity;
import city.mycity.geo.TestStore;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The page in a real browser (Debian's headless Chromium) against the real API over a real database: the car-park list
 * is rendered from the API. Skipped when {@code /usr/bin/chromium} is absent. The page is loaded with {@code
 * ?live=off}: Chromium's virtual time does not advance while a live (SSE) connection is open.
 */
class DashboardBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static TestStore store;
    private static Vertx vertx;
    private static GeoService service;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Skipped: " + CHROMIUM + " is absent (apt-get install -y chromium).");
        City city = TestCity.create("browser-it");
        store = TestStore.withCity(city);
        store.carParkOccupancy("cp001", 1, 4); // Market Square: 3 of 4 free
        store.carParkOccupancy("cp002", 3, 3); // Station Garage: full
        store.alert("ws-0001", "leak", "open", "2026-11-30T02:00:00Z");
        store.alert("ws-0001", "battery-low", "open", "2026-11-30T03:00:00Z"); // the operators' business
        vertx = Vertx.vertx();
        service = GeoService.builder()
                .vertx(vertx)
                .city(city)
                .dataSource(store.dataSource())
                .port(0)
                .mount("/*", Dashboard.router(vertx))
                .build();
        port = service.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
            vertx.close().await();
            store.close();
        }
    }

    @Test
    void the_car_park_list_is_rendered_from_the_api() throws Exception {
        String dom = dumpDom("http://localhost:" + port + "/?live=off");

        assertThat(dom).contains("<h1 id=\"city-name\">Testville</h1>");
        assertThat(dom).contains("data-id=\"cp001\"", "data-id=\"cp002\"", "data-id=\"cp003\"", "data-id=\"cp004\"");
        assertThat(dom).containsPattern("Market Square</span>\\s*<span class=\"free\">3 <small>of 4 free</small>");
        assertThat(dom).contains("class=\"carpark full\"");
        assertThat(dom).contains("no data yet");
        assertThat(dom).contains("Map: generated test town");
        assertThat(dom).doesNotContain("Loading car parks");
    }

    @Test
    void the_public_s_problems_are_listed_in_plain_words_and_a_device_s_health_is_not() throws Exception {
        String dom = dumpDom("http://localhost:" + port + "/?live=off");

        assertThat(dom).containsPattern("<li class=\"alert alert-leak\"[^>]*><span class=\"what\">Water leak</span>");
        assertThat(dom).doesNotContain("battery", "No problems reported");
    }

    @Test
    void the_map_is_drawn_on_a_canvas() throws Exception {
        String dom = dumpDom("http://localhost:" + port + "/?live=off");

        assertThat(dom).contains("maplibregl-canvas");
    }

    private static String dumpDom(String url) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        Path out = Files.createTempFile("dom", ".html");
        List<String> command = new ArrayList<>(List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--enable-unsafe-swiftshader",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=1280,800",
                "--virtual-time-budget=8000",
                "--dump-dom",
                url));
        Process chromium = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 90 s");
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
