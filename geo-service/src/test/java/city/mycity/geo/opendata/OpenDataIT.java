package city.mycity.geo.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.geo.GeoService;
import city.mycity.geo.TestCity;
import city.mycity.geo.TestStore;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The open-data catalogue and its downloads, on the real database. */
class OpenDataIT {

    private static TestStore store;
    private static Vertx vertx;
    private static GeoService service;
    private static WebClient client;

    @BeforeAll
    static void start() throws Exception {
        store = TestStore.withCity(TestCity.create("north"));
        store.readingsForEveryDevice(2);
        store.carParkOccupancy("cp001", 3, 4);
        try (Connection c = store.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO service_request (tenant_id, token, service_code, description, latitude, longitude)"
                    + " VALUES ('north', gen_random_uuid(), 'bin-overflowing', 'Bin, \"full\", by the stop', 50.01,"
                    + " 8.01)");
            s.execute("INSERT INTO service_request_contact (request_id, tenant_id, email, first_name) SELECT id,"
                    + " 'north', 'ann@example.org', 'Ann' FROM service_request");
        }
        vertx = Vertx.vertx();
        service = GeoService.builder()
                .vertx(vertx)
                .city(TestCity.create("north"))
                .dataSource(store.dataSource())
                .port(0)
                .managementPort(0)
                .build();
        service.start();
        client = WebClient.create(
                vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(service.port()));
    }

    @AfterAll
    static void stop() {
        client.close();
        service.close();
        vertx.close().await();
        store.close();
    }

    @Test
    void the_catalogue_lists_every_dataset_with_licence_provenance_frequency_and_downloads() {
        HttpResponse<Buffer> response = client.get("/api/v1/catalogue").send().await();
        JsonObject catalogue = response.bodyAsJsonObject();

        assertThat(response.getHeader("Content-Type")).isEqualTo("application/ld+json");
        assertThat(catalogue.getString("@type")).isEqualTo("dcat:Catalog");
        JsonArray datasets = catalogue.getJsonArray("dcat:dataset");
        assertThat(datasets.stream().map(d -> ((JsonObject) d).getString("dct:identifier")))
                .containsExactly(
                        "car-park-availability",
                        "car-park-forecasts",
                        "sensor-locations",
                        "readings-parking-bay",
                        "readings-traffic-counter",
                        "readings-bin",
                        "readings-water",
                        "hourly-rollups",
                        "problem-reports");
        for (Object item : datasets) {
            JsonObject d = (JsonObject) item;
            assertThat(d.getJsonObject("dct:license").getString("@id"))
                    .isEqualTo("https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/");
            assertThat(d.getJsonObject("dct:provenance").getString("rdfs:label"))
                    .isNotBlank();
            assertThat(d.getJsonObject("dct:accrualPeriodicity").getString("@value"))
                    .startsWith("P");
            assertThat(d.getJsonArray("dcat:distribution")).hasSize(2);
        }
        JsonObject readings = datasets.getJsonObject(3);
        assertThat(readings.getJsonObject("dct:modified").getString("@value")).endsWith("Z");
    }

    @Test
    void a_dataset_downloads_as_csv_and_as_geojson() {
        String csv = client.get("/api/v1/opendata/sensor-locations.csv")
                .send()
                .await()
                .bodyAsString();
        JsonObject geojson = client.get("/api/v1/opendata/sensor-locations.geojson")
                .send()
                .await()
                .bodyAsJsonObject();

        List<String> lines = csv.lines().toList();
        int devices = TestCity.create("north").sensors().size()
                + TestCity.create("north").gateways().size();
        assertThat(lines.get(0)).isEqualTo("device,kind,zone,status,installed_on,latitude,longitude");
        assertThat(lines).hasSize(devices + 1);
        assertThat(geojson.getString("type")).isEqualTo("FeatureCollection");
        JsonObject feature = geojson.getJsonArray("features").getJsonObject(0);
        assertThat(feature.getJsonObject("geometry").getJsonArray("coordinates"))
                .hasSize(2);
        assertThat(feature.getJsonObject("properties").getString("kind")).isNotBlank();
        assertThat(geojson.getJsonArray("features")).hasSize(devices);
    }

    @Test
    void readings_download_within_a_window_and_problem_reports_without_who_reported_them() {
        String now = client.get("/api/v1/opendata/readings-parking-bay.csv")
                .send()
                .await()
                .bodyAsString();
        String before = client.get("/api/v1/opendata/readings-parking-bay.csv?from=2020-01-01T00:00:00Z&to="
                        + "2020-01-02T00:00:00Z")
                .send()
                .await()
                .bodyAsString();
        String reports = client.get("/api/v1/opendata/problem-reports.csv")
                .send()
                .await()
                .bodyAsString();

        long bays = TestCity.create("north").sensors().stream()
                .filter(s -> s.kind().code().equals("parking-bay"))
                .count();
        assertThat(now.lines().count()).isEqualTo(1 + bays * 2);
        assertThat(before.lines().count()).isEqualTo(1);
        assertThat(reports).contains("\"Bin, \"\"full\"\", by the stop\"").doesNotContain("ann@example.org", "Ann");
    }

    @Test
    void a_bad_download_gets_a_problem_document() {
        HttpResponse<Buffer> unknown =
                client.get("/api/v1/opendata/salaries.csv").send().await();
        HttpResponse<Buffer> tooLong = client.get(
                        "/api/v1/opendata/readings-bin.csv?from=2020-01-01T00:00:00Z&to=" + "2021-01-01T00:00:00Z")
                .send()
                .await();
        HttpResponse<Buffer> badTime = client.get("/api/v1/opendata/readings-bin.csv?from=yesterday")
                .send()
                .await();

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.bodyAsJsonObject().getString("detail")).contains("at most 31 days");
        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(badTime.getHeader("Content-Type")).isEqualTo("application/problem+json");
    }
}
