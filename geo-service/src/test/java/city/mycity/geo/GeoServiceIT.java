package city.mycity.geo;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.citymodel.City;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The public API against a real database with a registered test town and some occupancy. */
class GeoServiceIT {

    private static Vertx vertx;
    private static TestStore store;
    private static GeoService service;
    private static Http http;
    private static Http management;
    private static City city;

    @BeforeAll
    static void start() throws Exception {
        city = TestCity.create("it-" + UUID.randomUUID().toString().substring(0, 8));
        store = TestStore.withCity(city);
        store.carParkOccupancy("cp001", 1, 4); // 3 free
        store.carParkOccupancy("cp002", 4, 4); // more occupied than capacity: full, never negative
        store.carParkOccupancy("cp003", 0, 2); // 2 free
        // cp004 has no data yet
        store.zoneOccupancy("z-a1", 5, 14);
        store.binStatus("bin-00001", 92, "2026-11-30T06:00:00Z");
        store.occupancyMinute("cp001", "2026-11-29T08:00:00Z", 3, 4);
        store.occupancyMinute("cp001", "2026-11-30T07:59:00Z", 1, 4);
        store.occupancyMinute("cp001", "2026-11-30T08:00:00Z", 2, 4);
        store.binStatus("bin-09999", 60, "2026-11-30T15:00:00Z"); // not a bin of the city
        store.carParkForecast("cp001", 60, "2026-11-30T08:00:00Z", 3.6, 4);
        store.carParkForecast("cp001", 15, "2026-11-30T08:00:00Z", 1.2, 4);
        store.sensorState("bay-00001", "occupied", 1, "/");
        store.sensorState("bay-00003", "occupied", 0, "/"); // Harbour Road has a free bay
        store.sensorState("bin-00001", "fill", 40, "%");
        store.sensorState("bin-00001", "temperature", 18.5, "Cel");
        store.reading("bin-00001", "fill", 40, "%", "2026-11-30T06:10:00Z");
        store.reading("bin-00001", "fill", 60, "%", "2026-11-30T06:40:00Z");
        store.reading("bin-00001", "fill", 65, "%", "2026-11-30T07:05:00Z");
        store.rollUp();
        store.alert("ws-0001", "leak", "open", "2026-11-30T02:00:00Z");
        store.alert("bin-00001", "bin-full", "acknowledged", "2026-11-30T06:00:00Z");
        store.alert("tc-0001", "congestion", "resolved", "2026-11-30T07:00:00Z");
        store.alert("ws-0001", "battery-low", "open", "2026-11-30T05:00:00Z");
        vertx = Vertx.vertx();
        service = GeoService.builder()
                .vertx(vertx)
                .city(city)
                .dataSource(store.dataSource())
                .port(0)
                .maxSensors(10)
                // The crews' routes, so that the OpenAPI check sees them; no one logs in here (CrewRoundsIT does).
                .crews(
                        store.dataSource(),
                        ctx -> ctx.response().setStatusCode(401).end())
                .build();
        http = new Http(vertx, service.start());
        management = new Http(vertx, service.managementPort());
    }

    @AfterAll
    static void stop() throws Exception {
        http.close();
        management.close();
        service.close();
        vertx.close().await();
        store.close();
    }

    @Test
    void car_parks_are_geojson_points_with_capacity_and_free_spaces() {
        HttpResponse<Buffer> response = http.get("/api/v1/parking/carparks");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/geo+json");
        JsonObject collection = response.bodyAsJsonObject();
        assertThat(collection.getString("type")).isEqualTo("FeatureCollection");
        JsonObject cp001 = feature(collection, "cp001");
        assertThat(cp001.getJsonObject("geometry").getString("type")).isEqualTo("Point");
        assertThat(cp001.getJsonObject("geometry").getJsonArray("coordinates").getList())
                .containsExactly(8.003, 50.018);
        JsonObject p = cp001.getJsonObject("properties");
        assertThat(p.getString("name")).isEqualTo("Market Square");
        assertThat(p.getInteger("capacity")).isEqualTo(4);
        assertThat(p.getInteger("occupied")).isEqualTo(1);
        assertThat(p.getInteger("free")).isEqualTo(3);
        assertThat(p.getString("updated")).isNotNull().endsWith("Z");
    }

    @Test
    void car_parks_carry_their_newest_forecast_of_free_spaces_by_horizon() {
        JsonObject cp001 = feature(http.get("/api/v1/parking/carparks").bodyAsJsonObject(), "cp001")
                .getJsonObject("properties");
        JsonObject cp003 = feature(http.get("/api/v1/parking/carparks").bodyAsJsonObject(), "cp003")
                .getJsonObject("properties");

        assertThat(cp001.getJsonArray("forecast").getList()).hasSize(2);
        JsonObject in15 = cp001.getJsonArray("forecast").getJsonObject(0);
        assertThat(in15.getInteger("in_min")).isEqualTo(15);
        assertThat(in15.getInteger("free")).isEqualTo(3);
        assertThat(in15.getString("at")).isEqualTo("2026-11-30T08:15:00Z");
        JsonObject in60 = cp001.getJsonArray("forecast").getJsonObject(1);
        assertThat(in60.getInteger("free")).as("4 - 3.6, rounded").isEqualTo(0);
        assertThat(cp003.getJsonArray("forecast").getList())
                .as("no forecast yet")
                .isEmpty();
    }

    @Test
    void a_sensors_history_gives_its_hours_from_the_rollup() {
        JsonObject history = http.get("/api/v1/sensors/bin-00001/history?quantity=fill"
                        + "&from=2026-11-30T00:00:00Z&to=2026-11-30T12:00:00Z")
                .bodyAsJsonObject();

        assertThat(history.getString("resolution")).isEqualTo("hour");
        JsonArray buckets = history.getJsonArray("buckets");
        assertThat(buckets.getList()).hasSize(2);
        assertThat(buckets.getJsonObject(0).getString("start")).isEqualTo("2026-11-30T06:00:00Z");
        assertThat(buckets.getJsonObject(0).getLong("readings")).isEqualTo(2);
        assertThat(buckets.getJsonObject(0).getDouble("mean")).isEqualTo(50.0);
        assertThat(buckets.getJsonObject(1).getDouble("max")).isEqualTo(65.0);
    }

    @Test
    void a_zones_history_per_minute_counts_its_sensors() {
        JsonObject history = http.get("/api/v1/zones/z-a2/history?quantity=fill&resolution=minute"
                        + "&from=2026-11-30T06:00:00Z&to=2026-11-30T07:00:00Z")
                .bodyAsJsonObject();

        assertThat(history.getJsonArray("buckets").getList()).hasSize(2);
        assertThat(history.getJsonArray("buckets").getJsonObject(1).getInteger("devices"))
                .isEqualTo(1);
    }

    @Test
    void a_history_without_quantity_or_over_too_long_a_span_is_refused() {
        assertThat(http.get("/api/v1/sensors/bin-00001/history").statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v1/sensors/bin-00001/history?quantity=fill&resolution=minute"
                                + "&from=2026-10-01T00:00:00Z&to=2026-11-30T00:00:00Z")
                        .statusCode())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/sensors/bin-00001/history?quantity=fill&to=%2B300000-01-01T00:00:00Z")
                        .statusCode())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/zones/z-a2/history?quantity=fill&resolution=second")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void the_public_sees_its_unresolved_alerts_newest_first_without_device_health_or_who_acknowledged() {
        JsonObject active = http.get("/api/v1/alerts").bodyAsJsonObject();

        assertThat(active.getJsonArray("features").stream()
                        .map(f -> ((JsonObject) f).getJsonObject("properties"))
                        .map(p -> p.getString("subject") + " " + p.getString("problem") + " " + p.getString("status")))
                .containsExactly("bin-00001 bin-full acknowledged", "ws-0001 leak open");
        JsonObject leak = active.getJsonArray("features").getJsonObject(1);
        assertThat(leak.getJsonObject("geometry").getJsonArray("coordinates").getList())
                .containsExactly(4.02, 50.01);
        assertThat(leak.getJsonObject("properties").getString("opened")).isEqualTo("2026-11-30T02:00:00Z");
        assertThat(active.encode()).doesNotContain("operator.jane").doesNotContain("acknowledged_by");
    }

    @Test
    void alerts_changed_since_a_time_include_the_resolved_and_a_bad_time_is_refused() {
        JsonObject changed =
                http.get("/api/v1/alerts?since=2026-01-01T00:00:00Z").bodyAsJsonObject();

        assertThat(changed.getJsonArray("features").stream()
                        .map(f -> ((JsonObject) f).getJsonObject("properties").getString("problem")))
                .containsExactlyInAnyOrder("leak", "bin-full", "congestion");
        assertThat(http.get("/api/v1/alerts?since=2999-01-01T00:00:00Z")
                        .bodyAsJsonObject()
                        .getJsonArray("features"))
                .isEmpty();
        assertThat(http.get("/api/v1/alerts?since=yesterday").statusCode()).isEqualTo(400);
    }

    @Test
    void a_round_for_the_bins_due_is_planned_on_the_roads_from_the_depot_and_back() {
        JsonObject plan = http.get("/api/v1/bins/routes?before=2026-11-30T18:00:00Z&trucks=2&seconds=1")
                .bodyAsJsonObject();

        List<JsonObject> features =
                plan.getJsonArray("features").stream().map(f -> (JsonObject) f).toList();
        JsonObject truck = features.stream()
                .filter(f -> f.getJsonObject("geometry").getString("type").equals("LineString"))
                .findFirst()
                .orElseThrow();
        assertThat(truck.getJsonObject("properties").getInteger("truck")).isEqualTo(1);
        assertThat(truck.getJsonObject("properties").getInteger("bins")).isEqualTo(1);
        JsonArray line = truck.getJsonObject("geometry").getJsonArray("coordinates");
        assertThat(line.getJsonArray(0).getList())
                .isEqualTo(line.getJsonArray(line.size() - 1).getList());
        assertThat(truck.getJsonObject("properties").getLong("metres")).isPositive();
        assertThat(features)
                .filteredOn(f -> "bin-00001".equals(f.getString("id")))
                .singleElement()
                .satisfies(bin -> assertThat(bin.getJsonObject("properties").getInteger("order"))
                        .isEqualTo(1));
        assertThat(http.get("/api/v1/bins/routes?seconds=99").statusCode()).isEqualTo(400);
    }

    @Test
    void a_round_planned_while_the_client_watches_streams_progress_then_the_plan() {
        HttpResponse<Buffer> stream =
                http.getAccepting("/api/v1/bins/routes?before=2026-11-30T18:00:00Z&seconds=1", "text/event-stream");

        assertThat(stream.getHeader("Content-Type")).startsWith("text/event-stream");
        assertThat(stream.bodyAsString()).contains("event: plan\ndata: {\"type\":\"FeatureCollection\"");
    }

    @Test
    void bins_due_by_a_time_are_listed_with_their_place() {
        JsonObject due =
                http.get("/api/v1/bins/due?before=2026-11-30T18:00:00Z").bodyAsJsonObject();
        JsonObject notYet =
                http.get("/api/v1/bins/due?before=2026-11-30T05:00:00Z").bodyAsJsonObject();

        assertThat(due.getJsonArray("features").getList())
                .as("the city's bins only")
                .hasSize(1);
        assertThat(notYet.getJsonArray("features").getList()).isEmpty();
        JsonObject first = due.getJsonArray("features").getJsonObject(0);
        assertThat(first.getString("id")).isEqualTo("bin-00001");
        assertThat(first.getJsonObject("geometry").getString("type")).isEqualTo("Point");
        assertThat(first.getJsonObject("properties").getDouble("fill")).isEqualTo(92.0);
        assertThat(first.getJsonObject("properties").getString("full_at")).isEqualTo("2026-11-30T06:00:00Z");
        assertThat(http.get("/api/v1/bins/due?before=tomorrow").statusCode()).isEqualTo(400);
    }

    @Test
    void a_car_parks_history_is_its_occupancy_per_minute_up_to_its_newest_minute() {
        JsonObject day = http.get("/api/v1/parking/carparks/cp001/history").bodyAsJsonObject();
        JsonObject twoDays =
                http.get("/api/v1/parking/carparks/cp001/history?hours=48").bodyAsJsonObject();

        assertThat(day.getJsonArray("minutes").getList()).hasSize(2);
        assertThat(day.getJsonArray("minutes").getJsonObject(1).getString("minute"))
                .isEqualTo("2026-11-30T08:00:00Z");
        assertThat(day.getJsonArray("minutes").getJsonObject(1).getInteger("free"))
                .isEqualTo(2);
        assertThat(twoDays.getJsonArray("minutes").getList()).hasSize(3);
        assertThat(http.get("/api/v1/parking/carparks/cp004/history")
                        .bodyAsJsonObject()
                        .getJsonArray("minutes")
                        .getList())
                .as("no history yet")
                .isEmpty();
        assertThat(http.get("/api/v1/parking/carparks/cp001/history?hours=0").statusCode())
                .isEqualTo(400);
    }

    @Test
    void free_spaces_are_never_negative() {
        JsonObject p = feature(http.get("/api/v1/parking/carparks").bodyAsJsonObject(), "cp002")
                .getJsonObject("properties");

        assertThat(p.getInteger("occupied")).isEqualTo(4);
        assertThat(p.getInteger("free")).isZero();
    }

    @Test
    void car_park_without_data_has_null_free_and_update() {
        JsonObject p = feature(http.get("/api/v1/parking/carparks").bodyAsJsonObject(), "cp004")
                .getJsonObject("properties");

        assertThat(p.getInteger("capacity")).isEqualTo(5);
        assertThat(p.containsKey("updated")).isTrue();
        assertThat(p.getValue("updated")).isNull();
        assertThat(p.getValue("free")).isNull();
    }

    @Test
    void nearest_lists_car_parks_and_streets_with_free_spaces_by_driving_time() {
        HttpResponse<Buffer> response = http.get("/api/v1/parking/nearest?lat=50.0021&lon=8.0279&limit=10");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonArray features = response.bodyAsJsonObject().getJsonArray("features");
        // From Quay Street: Harbour Deck first, then round by High Street to Harbour Road's free bay, Market Square
        // last.
        assertThat(ids(features)).containsExactly("cp003", "s-2", "cp001");
        List<Long> driving = features.stream()
                .map(f -> ((JsonObject) f).getJsonObject("properties").getLong("driving_s"))
                .toList();
        assertThat(driving).isSorted().doesNotContainNull();
        JsonObject street = features.getJsonObject(1).getJsonObject("properties");
        assertThat(street.getString("kind")).isEqualTo("street");
        assertThat(street.getString("name")).isEqualTo("Harbour Road");
        assertThat(street.getInteger("free")).isEqualTo(1);
        assertThat(features.getJsonObject(0).getJsonObject("properties").getString("kind"))
                .isEqualTo("car_park");
        assertThat(features.getJsonObject(2).getJsonObject("properties").getLong("driving_m"))
                .as("by road, not as the crow flies")
                .isGreaterThan(
                        features.getJsonObject(2).getJsonObject("properties").getLong("distance_m"));
    }

    @Test
    void nearest_from_a_place_far_from_every_road_is_a_bad_request() {
        HttpResponse<Buffer> response = http.get("/api/v1/parking/nearest?lat=50.2&lon=8.4");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.bodyAsString()).contains("No road within");
    }

    @Test
    void nearest_honours_the_limit() {
        JsonArray features = http.get("/api/v1/parking/nearest?lat=50.018&lon=8.003&limit=1")
                .bodyAsJsonObject()
                .getJsonArray("features");

        assertThat(ids(features)).containsExactly("cp001");
    }

    @Test
    void nearest_without_a_latitude_is_a_bad_request_problem() {
        HttpResponse<Buffer> response = http.get("/api/v1/parking/nearest?lon=8.0");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
        JsonObject problem = response.bodyAsJsonObject();
        assertThat(problem.getInteger("status")).isEqualTo(400);
        assertThat(problem.getString("parameter")).isEqualTo("lat");
        assertThat(problem.getString("detail")).contains("lat");
    }

    @Test
    void nearest_with_out_of_range_values_is_a_bad_request() {
        assertThat(http.get("/api/v1/parking/nearest?lat=91&lon=8").statusCode())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/parking/nearest?lat=50&lon=abc").statusCode())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/parking/nearest?lat=50&lon=8&limit=0").statusCode())
                .isEqualTo(400);
    }

    @Test
    void sensors_in_a_box_are_only_those_inside_it_with_their_state() {
        JsonObject collection =
                http.get("/api/v1/sensors?bbox=8.0045,50.0149,8.0055,50.0152").bodyAsJsonObject();

        assertThat(ids(collection.getJsonArray("features"))).containsExactly("bay-00001", "bay-00002");
        JsonObject bay = feature(collection, "bay-00001").getJsonObject("properties");
        assertThat(bay.getString("kind")).isEqualTo("parking-bay");
        assertThat(bay.getString("zone")).isEqualTo("z-a1");
        JsonObject occupied = bay.getJsonObject("state").getJsonObject("occupied");
        assertThat(occupied.getDouble("value")).isEqualTo(1.0);
        assertThat(occupied.getString("unit")).isEqualTo("/");
        assertThat(occupied.getString("time")).isNotNull();
        assertThat(feature(collection, "bay-00002").getJsonObject("properties").getJsonObject("state"))
                .isEmpty();
    }

    @Test
    void sensors_can_be_filtered_by_kind() {
        JsonObject collection =
                http.get("/api/v1/sensors?bbox=8,50,8.03,50.02&kind=bin").bodyAsJsonObject();

        assertThat(ids(collection.getJsonArray("features"))).containsExactly("bin-00001");
        JsonObject state =
                feature(collection, "bin-00001").getJsonObject("properties").getJsonObject("state");
        assertThat(state.getJsonObject("fill").getDouble("value")).isEqualTo(40.0);
        assertThat(state.getJsonObject("temperature").getString("unit")).isEqualTo("Cel");
    }

    @Test
    void sensors_can_be_filtered_by_car_park_or_to_those_outside_car_parks() {
        JsonArray street = http.get("/api/v1/sensors?bbox=8,50,8.03,50.02&kind=parking-bay&site=none")
                .bodyAsJsonObject()
                .getJsonArray("features");
        JsonArray cp003 = http.get("/api/v1/sensors?bbox=8,50,8.03,50.02&site=cp003")
                .bodyAsJsonObject()
                .getJsonArray("features");

        assertThat(ids(street)).containsExactly("bay-00001", "bay-00002", "bay-00003");
        assertThat(ids(cp003)).containsExactly("cp003-b0001", "cp003-b0002");
    }

    @Test
    void sensors_are_limited_and_say_so() {
        JsonObject all = http.get("/api/v1/sensors?bbox=8,50,8.03,50.02").bodyAsJsonObject();
        JsonObject three =
                http.get("/api/v1/sensors?bbox=8,50,8.03,50.02&limit=3").bodyAsJsonObject();

        assertThat(all.getJsonArray("features")).hasSize(10);
        assertThat(all.getBoolean("truncated")).isTrue();
        assertThat(three.getJsonArray("features")).hasSize(3);
        assertThat(three.getInteger("numberReturned")).isEqualTo(3);
        assertThat(http.get("/api/v1/sensors?bbox=8,50,8.03,50.02&limit=11").statusCode())
                .isEqualTo(400);
    }

    @Test
    void a_bad_bounding_box_is_a_bad_request() {
        for (String bbox : List.of("", "1,2,3", "8,50,a,50.02", "8.03,50,8,50.02", "8,-91,9,50", "8,50,8.03,50.02,1")) {
            HttpResponse<Buffer> response = http.get("/api/v1/sensors?bbox=" + bbox);
            assertThat(response.statusCode()).as(bbox).isEqualTo(400);
            assertThat(response.bodyAsJsonObject().getString("parameter")).isEqualTo("bbox");
        }
        assertThat(http.get("/api/v1/sensors").statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v1/sensors?bbox=8,50,8.03,50.02&kind=unicorn").statusCode())
                .isEqualTo(400);
    }

    @Test
    void city_describes_name_tenant_bounds_zones_and_provenance() {
        JsonObject body = http.get("/api/v1/city").bodyAsJsonObject();

        assertThat(body.getString("name")).isEqualTo("Testville");
        assertThat(body.getString("tenant")).isEqualTo(city.tenant());
        assertThat(body.getJsonArray("bounds").getList()).containsExactly(8.0, 50.0, 8.03, 50.02);
        assertThat(body.getJsonArray("zones")).hasSize(2);
        assertThat(body.getJsonObject("provenance").getString("source")).isEqualTo("generated test town");
        assertThat(body.getJsonObject("provenance").getJsonArray("notes")).hasSize(1);
    }

    @Test
    void streets_are_line_strings_with_name_and_class() {
        JsonObject collection = http.get("/api/v1/city/streets").bodyAsJsonObject();

        JsonObject high = feature(collection, "s-1");
        assertThat(high.getJsonObject("geometry").getString("type")).isEqualTo("LineString");
        assertThat(high.getJsonObject("geometry")
                        .getJsonArray("coordinates")
                        .getJsonArray(0)
                        .getList())
                .containsExactly(8.0, 50.01);
        assertThat(high.getJsonObject("properties").getString("name")).isEqualTo("High Street");
        assertThat(high.getJsonObject("properties").getString("class")).isEqualTo("primary");
        assertThat(feature(collection, "s-4").getJsonObject("properties").getValue("name"))
                .isNull();
    }

    @Test
    void zone_occupancy_lists_every_zone() {
        JsonArray zones = http.get("/api/v1/zones/occupancy").bodyAsJsonObject().getJsonArray("zones");

        assertThat(zones).hasSize(2);
        JsonObject oldTown = zones.getJsonObject(0);
        assertThat(oldTown.getString("name")).isEqualTo("Old Town");
        assertThat(oldTown.getInteger("free")).isEqualTo(9);
        assertThat(zones.getJsonObject(1).getValue("occupied")).isNull();
    }

    @Test
    void the_api_is_read_only() {
        for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH)) {
            HttpResponse<Buffer> response = http.send(method, "/api/v1/parking/carparks");
            assertThat(response.statusCode()).as(method.name()).isEqualTo(405);
            assertThat(response.getHeader("Allow")).isEqualTo("GET");
        }
    }

    @Test
    void unknown_paths_are_not_found_problems() {
        HttpResponse<Buffer> response = http.get("/api/v1/nothing-here");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void any_origin_may_read_the_api() {
        HttpResponse<Buffer> response = http.getWithOrigin("/api/v1/parking/carparks", "https://example.org");

        assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(http.getWithOrigin("/index.html", "https://example.org").getHeader("Access-Control-Allow-Origin"))
                .as("only the API is shared across origins")
                .isNull();
    }

    @Test
    void every_route_is_described_in_the_openapi_document() {
        JsonObject paths = http.get("/api/v1/openapi.json").bodyAsJsonObject().getJsonObject("paths");
        Set<String> routes = service.router().getRoutes().stream()
                .map(r -> r.getPath())
                .filter(p -> p != null && !p.endsWith("*") && !p.endsWith("/"))
                .map(p -> p.replaceAll(":(\\w+)", "{$1}"))
                .collect(Collectors.toSet());

        assertThat(routes).isNotEmpty();
        assertThat(paths.fieldNames()).containsAll(routes);
        assertThat(routes).containsAll(paths.fieldNames());
    }

    @Test
    void metrics_and_health_are_not_on_the_public_port() {
        assertThat(http.get("/metrics").statusCode()).isEqualTo(404);
        assertThat(http.get("/health").statusCode()).isEqualTo(404);
    }

    @Test
    void metrics_are_in_prometheus_text() {
        http.get("/api/v1/city");
        HttpResponse<Buffer> response = management.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsString())
                .contains("mycity_http_requests_seconds_count{method=\"GET\",route=\"/api/v1/city\",status=\"200\"}");
    }

    @Test
    void health_reports_the_database_up() {
        HttpResponse<Buffer> response = management.get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo("UP");
    }

    private static JsonObject feature(JsonObject collection, String id) {
        JsonArray features = collection.getJsonArray("features");
        for (int i = 0; i < features.size(); i++) {
            if (id.equals(features.getJsonObject(i).getString("id"))) {
                return features.getJsonObject(i);
            }
        }
        throw new AssertionError("No feature " + id + " in " + collection.encode());
    }

    private static List<String> ids(JsonArray features) {
        List<String> ids = new ArrayList<>();
        features.forEach(f -> ids.add(((JsonObject) f).getString("id")));
        return ids;
    }
}
