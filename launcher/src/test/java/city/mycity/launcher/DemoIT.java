package city.mycity.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.mycity.settings.Settings;
import city.mycity.testkit.TestBroker;
import city.mycity.testkit.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo, end to end, with its broker and database replaced through settings alone by the test broker and test
 * database (real services in CI, embedded ones elsewhere): simulated sensors reach the dashboard's API and live feed.
 */
class DemoIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static TestBroker broker;
    private static TestDatabase database;
    private static Demo demo;
    private static final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeAll
    static void start_the_demo() {
        broker = TestBroker.create();
        database = TestDatabase.create();
        Settings settings = Settings.of(Map.of(
                        "mycity.http.port",
                        "0",
                        "mycity.management.port",
                        "0",
                        "mycity.coap.port",
                        "0",
                        "mycity.mqtt.url",
                        broker.url(),
                        "mycity.jdbc.url",
                        database.jdbcUrl(),
                        "mycity.db.user",
                        database.user()))
                .with("mycity.stream.group", "demo-it-" + broker.tenant());
        if (broker.username() != null) {
            settings = settings.with("mycity.mqtt.username", broker.username())
                    .with("mycity.mqtt.password", broker.password());
        }
        if (database.password() != null) {
            settings = settings.with("mycity.db.password", database.password());
        }
        demo = Demo.start(DemoOptions.defaults(), settings, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop_the_demo() {
        if (demo != null) {
            demo.close();
        }
        database.close();
        broker.close();
    }

    @Test
    void prints_where_the_dashboard_is() {
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("MyCity (public): http://localhost:" + demo.httpPort() + "/")
                .contains("MQTT broker: " + broker.url())
                .doesNotContain(String.valueOf(broker.password()));
    }

    @Test
    void serves_every_car_park_of_the_city_as_geojson() throws Exception {
        JsonNode carParks = get("/api/v1/parking/carparks");

        assertThat(carParks.path("type").asText()).isEqualTo("FeatureCollection");
        assertThat(carParks.path("features")).hasSize(demo.city().carParks().size());
        JsonNode first = carParks.path("features").get(0).path("properties");
        assertThat(first.has("id") && first.has("name") && first.has("capacity") && first.has("free"))
                .isTrue();
    }

    @Test
    void car_park_availability_arrives_from_the_simulated_sensors() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(features(get("/api/v1/parking/carparks")))
                .anySatisfy(f -> assertThat(f.path("properties").path("updated").isTextual())
                        .isTrue()));
    }

    @Test
    void the_live_feed_pushes_car_park_changes() {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/live"))
                .header("Accept", "text/event-stream")
                .build();
        var stream = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(lines::add));
        try {
            await().atMost(Duration.ofSeconds(90))
                    .untilAsserted(() -> assertThat(lines).anyMatch(line -> line.startsWith("event: carpark")));
        } finally {
            stream.cancel(true);
        }
    }

    @Test
    void serves_the_dashboard_page_and_the_metrics() throws Exception {
        HttpResponse<String> page =
                HTTP.send(HttpRequest.newBuilder(uri("/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html").contains("data-page=\"parking\"");

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(HTTP.send(
                                HttpRequest.newBuilder(
                                                URI.create("http://127.0.0.1:" + demo.managementPort() + "/metrics"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body())
                .contains("mycity_readings_stored_total")
                .contains("mycity_messages_forwarded_total{stage=\"edge\"}"));
    }

    @Test
    void the_operators_api_lets_the_printed_administrator_search_the_registry() throws Exception {
        java.util.regex.Matcher login = java.util.regex.Pattern.compile(
                        "user (admin@\\S+), password (\\S+) \\(shown this once\\)")
                .matcher(printed.toString(StandardCharsets.UTF_8));
        assertThat(login.find()).as(printed.toString(StandardCharsets.UTF_8)).isTrue();
        HttpResponse<String> anonymous = HTTP.send(
                HttpRequest.newBuilder(uri("/api/v1/registry/devices")).build(), HttpResponse.BodyHandlers.ofString());

        HttpResponse<String> session = HTTP.send(
                HttpRequest.newBuilder(uri("/api/v1/session"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode()
                                .put("username", login.group(1))
                                .put("password", login.group(2))
                                .toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = session.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        HttpResponse<String> bins = HTTP.send(
                HttpRequest.newBuilder(uri("/api/v1/registry/devices?kind=bin&limit=5"))
                        .header("Cookie", cookie)
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
        JsonNode page = JSON.readTree(bins.body());
        assertThat(page.path("devices"))
                .hasSize(5)
                .allSatisfy(d -> assertThat(d.path("kind").asText()).isEqualTo("bin"));
        assertThat(page.path("next").isTextual()).isTrue();
    }

    @Test
    void the_sensors_speak_their_vendors_frames_which_the_edge_agent_reads_into_readings() {
        // Only the frames carry a battery's charge, a water logger's noise and a counter's lanes.
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(storedQuantities())
                .contains("occupied", "battery", "noise", "lane-1-count", "fill"));
    }

    private static List<String> storedQuantities() throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                ResultSet rows = connection
                        .createStatement()
                        .executeQuery("SELECT DISTINCT quantity FROM reading ORDER BY quantity")) {
            List<String> quantities = new ArrayList<>();
            while (rows.next()) {
                quantities.add(rows.getString(1));
            }
            return quantities;
        }
    }

    private static List<JsonNode> features(JsonNode collection) {
        return StreamSupport.stream(collection.path("features").spliterator(), false)
                .toList();
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response =
                HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + demo.httpPort() + path);
    }
}
