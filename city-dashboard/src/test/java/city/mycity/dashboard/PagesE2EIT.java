package city.mycity.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import city.mycity.citymodel.City;
import city.mycity.citymodel.GeoPoint;
import city.mycity.citymodel.Sensor;
import city.mycity.gateway.accounts.Accounts;
import city.mycity.gateway.accounts.Role;
import city.mycity.gateway.http.OperatorApi;
import city.mycity.geo.GeoService;
import city.mycity.geo.TestCity;
import city.mycity.geo.TestStore;
import city.mycity.reading.SensorKind;
import city.mycity.storage.DatabaseRoles;
import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pages' end-to-end tests: the platform's HTTP side (geo-service with the operators' API and the pages) over a real
 * database, and the browser tests of {@code web/e2e/} (Node's test runner, playwright-core driving Debian's headless
 * Chromium) run against it on loopback. Screenshots and figures (transfer sizes, frame times) are left in {@code
 * target/e2e/}. Skipped when {@code /usr/bin/chromium} is absent ({@code .ci/run} installs it).
 */
class PagesE2EIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path WEB = Path.of("web");
    private static final Path OUT = Path.of("target", "e2e");
    private static final String TENANT = "e2e";
    private static final String BIG = "e2e-big";

    private static TestStore store;
    private static HikariDataSource reader;
    private static HikariDataSource registry;
    private static Vertx vertx;
    private static GeoService service;
    private static Map<String, String> accounts;

    @BeforeAll
    static void start() throws Exception {
        if (System.getenv("CI") != null) {
            // In CI the browser tests must run: .ci/run installs Chromium.
            assertThat(CHROMIUM).as("Chromium for the browser tests").isExecutable();
        }
        assumeTrue(Files.isExecutable(CHROMIUM), "Skipped: " + CHROMIUM + " is absent (apt-get install -y chromium).");
        City town = TestCity.create(TENANT);
        // Three more bins, so that a crew's round has stops to try things on.
        List<Sensor> sensors = new ArrayList<>(town.sensors());
        sensors.add(bin("bin-00002", 50.0101, 8.0050, "s-1"));
        sensors.add(bin("bin-00003", 50.0151, 8.0100, "s-3"));
        sensors.add(bin("bin-00004", 50.0180, 8.0201, "s-2"));
        City city = City.part(town, town.carParks(), sensors);
        store = TestStore.withCity(city);
        store.carParkOccupancy("cp001", 1, 4); // Market Square: 3 of 4 free
        store.carParkOccupancy("cp002", 3, 3); // Station Garage: full
        store.carParkForecast(
                "cp001", 30, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), 2, 4);
        store.alert(
                "ws-0001",
                "leak",
                "open",
                Instant.now().minus(1, ChronoUnit.HOURS).toString());
        // Full already: due today whatever the hour the tests run at (a crew's day ends at midnight).
        store.binStatus(
                "bin-00001", 92, Instant.now().minus(1, ChronoUnit.HOURS).toString());
        for (String bin : List.of("bin-00002", "bin-00003", "bin-00004")) {
            store.binStatus(bin, 85, Instant.now().minus(1, ChronoUnit.HOURS).toString());
        }
        // A bin sensor with a history of its fill level, low on battery: one the operators' table lists.
        for (int hour = 1; hour <= 6; hour++) {
            store.reading(
                    "bin-00001",
                    "fill",
                    40 + 8 * hour,
                    "%",
                    Instant.now().minus(hour, ChronoUnit.HOURS).toString());
        }
        store.rollUp();
        store.sensorState("bin-00001", "battery", 12, "%EL");
        reader = store.pool(DatabaseRoles.Kind.READER, "e2e_reader", true);
        registry = store.pool(DatabaseRoles.Kind.REGISTRY, "e2e_registry", false);
        accounts = Map.of(
                "MYCITY_OPERATOR_USER",
                "olivia",
                "MYCITY_OPERATOR_PASSWORD",
                secret(),
                "MYCITY_CREW_USER",
                "carl",
                "MYCITY_CREW_PASSWORD",
                secret(),
                "MYCITY_BIG_OPERATOR_USER",
                "bea",
                "MYCITY_BIG_OPERATOR_PASSWORD",
                secret());
        Accounts people = new Accounts(store.dataSource());
        people.create("test", TENANT, "olivia", Role.OPERATOR, "Olivia", accounts.get("MYCITY_OPERATOR_PASSWORD"));
        people.create("test", TENANT, "carl", Role.CREW, "Carl", accounts.get("MYCITY_CREW_PASSWORD"));
        councilOfTwentyThousandSensors(city);
        people.create("test", BIG, "bea", Role.OPERATOR, "Bea", accounts.get("MYCITY_BIG_OPERATOR_PASSWORD"));
        OperatorApi operators = OperatorApi.on(registry).secureCookies(false);
        vertx = Vertx.vertx();
        service = GeoService.builder()
                .vertx(vertx)
                .city(city)
                .dataSource(reader)
                .port(0)
                .managementPort(0)
                .reportsPerMinute(1000)
                .operations(operators::mount)
                .writes(registry, operators.operatorGuard(), null)
                .crews(registry, operators.guard(Role.CREW))
                .crewPlanSearch(Duration.ofSeconds(1))
                .mount("/*", Dashboard.router(vertx))
                .build();
        service.start();
    }

    /**
     * A second council whose 20,000 sensors lie on a grid over the test town (so that the map draws them over its
     * streets): every eighth low on battery, every fiftieth silent for two hours, a hundred with an open alert.
     */
    private static void councilOfTwentyThousandSensors(City city) {
        double south = city.bounds().minLatitude();
        double west = city.bounds().minLongitude();
        double height = city.bounds().maxLatitude() - south;
        double width = city.bounds().maxLongitude() - west;
        store.database()
                .execute("INSERT INTO tenant (id, name) VALUES ('" + BIG + "', 'Big Town');"
                        + "INSERT INTO gateway (tenant_id, id, zone_id, latitude, longitude) VALUES ('" + BIG
                        + "', 'gw-big', 'zb', " + (south + height / 2) + ", " + (west + width / 2) + ");"
                        + "INSERT INTO device (tenant_id, id, gateway_id, kind, zone_id, latitude, longitude)"
                        + " SELECT '" + BIG + "', 'big-' || lpad(i::text, 5, '0'), 'gw-big',"
                        + " (ARRAY['parking-bay', 'bin', 'water', 'traffic-counter'])[1 + i % 4], 'zb' || (i % 8),"
                        + " " + south + " + (i / 200) * " + (height / 100) + ", " + west + " + (i % 200) * "
                        + (width / 200) + " FROM generate_series(0, 19999) AS i;"
                        + "INSERT INTO sensor_state (tenant_id, device_id, quantity, value, unit, time)"
                        + " SELECT '" + BIG + "', d.id, 'battery', CASE WHEN right(d.id, 3)::int % 8 = 0 THEN 12"
                        + " ELSE 80 END, '%EL', now() - CASE WHEN right(d.id, 4)::int % 50 = 0 THEN interval '2 hours'"
                        + " ELSE interval '1 minute' END FROM device d WHERE d.tenant_id = '" + BIG + "';"
                        + "INSERT INTO alert (id, tenant_id, subject, problem, severity, status, opened_at, changed_at,"
                        + " detail) SELECT gen_random_uuid(), '" + BIG + "', 'big-' || lpad((i * 197)::text, 5, '0'),"
                        + " 'leak', 'critical', 'open', now(), now(), 'e2e' FROM generate_series(1, 100) AS i;"
                        + "ANALYZE device; ANALYZE sensor_state; ANALYZE alert");
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
            vertx.close().await();
            reader.close();
            registry.close();
            store.close();
        }
    }

    @Test
    void every_audience_can_do_its_main_task_in_a_real_browser() throws Exception {
        Files.createDirectories(OUT);
        Path log = OUT.resolve("node-test.txt");
        ProcessBuilder node = new ProcessBuilder(
                        List.of("node", "--test", "--test-concurrency=1", "--test-reporter=spec", "e2e/"))
                .directory(WEB.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        node.environment().putAll(accounts);
        node.environment().put("MYCITY_BASE_URL", "http://127.0.0.1:" + service.port());
        node.environment().put("MYCITY_E2E_OUT", OUT.toAbsolutePath().toString());
        node.environment().put("MYCITY_CHROMIUM", CHROMIUM.toString());
        Process run = node.start();
        boolean finished = run.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            run.destroyForcibly();
        }
        String output = read(log);
        System.out.println(output);

        assertThat(finished).as("the browser tests finish within 10 minutes").isTrue();
        assertThat(run.exitValue()).as("the browser tests pass:%n%s", output).isZero();
        assertThat(output).contains("ℹ fail 0").containsPattern("ℹ pass [1-9]");
    }

    private static Sensor bin(String id, double lat, double lon, String street) {
        return new Sensor(id, SensorKind.BIN, "z-a1", "gw-z-a1", null, street, new GeoPoint(lat, lon));
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static String secret() {
        return HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
    }
}
