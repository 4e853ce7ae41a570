package city.mycity.geo.sensorthings;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.gateway.accounts.Account;
import city.mycity.gateway.accounts.Accounts;
import city.mycity.gateway.accounts.Role;
import city.mycity.gateway.accounts.Sessions;
import city.mycity.gateway.http.Authentication;
import city.mycity.geo.GeoService;
import city.mycity.geo.TestCity;
import city.mycity.geo.TestStore;
import city.mycity.storage.DatabaseRoles;
import city.mycity.storage.RefusalWriter;
import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SensorThings on the real database, as the platform runs it: the public side reads as the read-only role of one
 * council, operators write as the registry's role. The OGC suite itself runs in the conformance module.
 */
class SensorThingsIT {

    private static final String ROOT = "/sta/v1.1";
    private static final String THING = """
            {"name":"air station","description":"the university's air quality station",
             "Locations":[{"name":"roof","description":"library roof","encodingType":"application/geo+json",
               "location":{"type":"Point","coordinates":[8.01,50.01]}}],
             "Datastreams":[{"name":"no2","description":"nitrogen dioxide",
               "unitOfMeasurement":{"name":"microgram per cubic metre","symbol":"ug/m3","definition":"urn:ug-m3"},
               "observationType":"http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
               "ObservedProperty":{"name":"NO2","definition":"urn:no2","description":"nitrogen dioxide"},
               "Sensor":{"name":"no2 cell","description":"electrochemical cell","encodingType":"text/plain",
                 "metadata":"Alphasense NO2-B43F"}}]}""";

    private static TestStore store;
    private static HikariDataSource reader;
    private static HikariDataSource registry;
    private static Vertx vertx;
    private static GeoService service;
    private static WebClient client;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        store = TestStore.withCity(TestCity.create("north"));
        store.readingsForEveryDevice(3);
        reader = store.pool(DatabaseRoles.Kind.READER, "sta_reader", true);
        registry = store.pool(DatabaseRoles.Kind.REGISTRY, "sta_registry", false);
        Account operator = new Accounts(store.dataSource())
                .create("test", "north", "nora", Role.OPERATOR, "Nora", "correct horse battery staple");
        Sessions sessions = new Sessions(store.dataSource());
        token = sessions.open(operator).token();
        vertx = Vertx.vertx();
        service = GeoService.builder()
                .vertx(vertx)
                .city(TestCity.create("north"))
                .dataSource(reader)
                .port(0)
                .managementPort(0)
                .writes(
                        registry,
                        new Authentication(sessions).require(Role.OPERATOR),
                        new RefusalWriter(store.dataSource()))
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
        registry.close();
        reader.close();
        store.close();
    }

    @Test
    void every_registered_device_is_a_thing_with_a_datastream_per_quantity_and_its_readings() {
        JsonObject things = get(ROOT + "/Things?$filter=name eq 'bay-00001'&$expand=Datastreams,Locations");

        JsonObject bay = things.getJsonArray("value").getJsonObject(0);
        assertThat(bay.getJsonObject("properties").getString("kind")).isEqualTo("parking-bay");
        assertThat(bay.getJsonArray("Locations")
                        .getJsonObject(0)
                        .getJsonObject("location")
                        .getJsonArray("coordinates"))
                .containsExactly(8.005, 50.015);
        JsonArray datastreams = bay.getJsonArray("Datastreams");
        assertThat(datastreams.stream().map(d -> ((JsonObject) d).getString("name")))
                .contains("bay-00001 occupied", "bay-00001 battery");
        long occupied = datastreams.getJsonObject(0).getLong("@iot.id");
        JsonObject readings =
                get(ROOT + "/Datastreams(" + occupied + ")/Observations?$count=true&$orderby=phenomenonTime desc");
        assertThat(readings.getLong("@iot.count")).isEqualTo(3);
        assertThat(readings.getJsonArray("value").getJsonObject(0).getValue("result"))
                .isIn(0, 0.5, 1, 0.0, 1.0);
    }

    @Test
    void reading_is_public_and_writing_needs_an_operator() {
        assertThat(send(HttpMethod.POST, ROOT + "/Things", THING, null).statusCode())
                .isEqualTo(401);

        HttpResponse<Buffer> created = send(HttpMethod.POST, ROOT + "/Things", THING, token);

        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        String location = created.getHeader("Location");
        assertThat(location).matches(".*/sta/v1.1/Things\\(\\d+\\)");
        JsonObject thing = get(location.substring(location.indexOf(ROOT)) + "?$expand=HistoricalLocations");
        assertThat(thing.getString("name")).isEqualTo("air station");
        assertThat(thing.getJsonArray("HistoricalLocations")).hasSize(1);
    }

    @Test
    void an_observation_of_a_third_party_is_checked_and_a_refused_one_recorded() throws SQLException {
        HttpResponse<Buffer> created = send(HttpMethod.POST, ROOT + "/Things", THING, token);
        String thing = created.getHeader("Location")
                .substring(created.getHeader("Location").indexOf(ROOT));
        long datastream = get(thing + "/Datastreams")
                .getJsonArray("value")
                .getJsonObject(0)
                .getLong("@iot.id");
        String observations = ROOT + "/Datastreams(" + datastream + ")/Observations";

        HttpResponse<Buffer> good = send(
                HttpMethod.POST, observations, "{\"phenomenonTime\":\"2026-01-01T00:00:00Z\",\"result\":21.5}", token);
        HttpResponse<Buffer> text = send(
                HttpMethod.POST,
                observations,
                "{\"phenomenonTime\":\"2026-01-01T00:00:00Z\",\"result\":\"high\"}",
                token);

        assertThat(good.statusCode()).as(good.bodyAsString()).isEqualTo(201);
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(text.bodyAsJsonObject().getString("reason")).isEqualTo("wrong_type");
        assertThat(count("SELECT count(*) FROM refusal WHERE tenant_id = 'north' AND reason = 'wrong_type'"
                        + " AND topic = 'sta/Datastreams(" + datastream + ")/Observations'"))
                .isEqualTo(1);
        JsonObject foi = get(
                good.getHeader("Location").substring(good.getHeader("Location").indexOf(ROOT)) + "/FeatureOfInterest");
        assertThat(foi.getJsonObject("feature").getJsonArray("coordinates")).containsExactly(8.01, 50.01);
    }

    @Test
    void a_registered_device_is_changed_through_the_registry_not_through_sensorthings() {
        long bay = get(ROOT + "/Things?$filter=name eq 'bay-00002'")
                .getJsonArray("value")
                .getJsonObject(0)
                .getLong("@iot.id");
        long datastream = get(ROOT + "/Things(" + bay + ")/Datastreams")
                .getJsonArray("value")
                .getJsonObject(0)
                .getLong("@iot.id");

        HttpResponse<Buffer> delete = send(HttpMethod.DELETE, ROOT + "/Things(" + bay + ")", null, token);
        HttpResponse<Buffer> reading =
                send(HttpMethod.POST, ROOT + "/Datastreams(" + datastream + ")/Observations", "{\"result\":1}", token);

        assertThat(delete.statusCode()).isEqualTo(409);
        assertThat(delete.bodyAsJsonObject().getString("reason")).isEqualTo("managed_by_registry");
        assertThat(reading.statusCode()).isEqualTo(409);
        assertThat(get(ROOT + "/Things(" + bay + ")").getString("name")).isEqualTo("bay-00002");
    }

    @Test
    void what_the_review_found_stays_fixed() {
        HttpResponse<Buffer> created = send(HttpMethod.POST, ROOT + "/Things", THING, token);
        String thing = created.getHeader("Location")
                .substring(created.getHeader("Location").indexOf(ROOT));
        long datastream = get(thing + "/Datastreams")
                .getJsonArray("value")
                .getJsonObject(0)
                .getLong("@iot.id");
        HttpResponse<Buffer> observation = send(
                HttpMethod.POST,
                ROOT + "/Datastreams(" + datastream + ")/Observations",
                "{\"phenomenonTime\":\"2026-01-01T00:00:00Z\",\"result\":3}",
                token);
        String mine = observation
                .getHeader("Location")
                .substring(observation.getHeader("Location").indexOf(ROOT));
        long bays = get(ROOT + "/Datastreams?$filter=name eq 'bay-00002 occupied'")
                .getJsonArray("value")
                .getJsonObject(0)
                .getLong("@iot.id");

        // An Observation cannot be moved into a Datastream of the registry, nor changed past the checks.
        assertThat(send(HttpMethod.PATCH, mine, "{\"Datastream\":{\"@iot.id\":" + bays + "}}", token)
                        .statusCode())
                .isEqualTo(409);
        assertThat(send(HttpMethod.PATCH, mine, "{\"result\":\"high\"}", token).statusCode())
                .isEqualTo(400);
        assertThat(send(
                                HttpMethod.POST,
                                ROOT + "/Datastreams(" + datastream + ")/Observations",
                                "{\"phenomenonTime\":null,\"result\":1}",
                                token)
                        .statusCode())
                .isEqualTo(400);
        // $top=0 answers no page and no link to another empty one.
        assertThat(get(ROOT + "/Things?$top=0").containsKey("@iot.nextLink")).isFalse();
        // An expansion that would run thousands of queries is refused before it does.
        assertProblem(
                send(
                        HttpMethod.GET,
                        ROOT
                                + "/Things?$top=1000&$expand=Datastreams/Observations/FeatureOfInterest/Observations/Datastream",
                        null,
                        null),
                400,
                "more than 1000 queries");
    }

    @Test
    void bad_requests_get_a_problem_document_with_the_reason() {
        assertProblem(send(HttpMethod.GET, ROOT + "/Things?$filter=name eq", null, null), 400, "$filter");
        assertProblem(send(HttpMethod.GET, ROOT + "/Things?$filter=nome eq 'x'", null, null), 400, "no property");
        assertProblem(send(HttpMethod.GET, ROOT + "/Things?$top=100000000", null, null), 400, "$top must be at most");
        assertProblem(send(HttpMethod.GET, ROOT + "/Things?$orderby=name sideways", null, null), 400, "asc or desc");
        assertProblem(send(HttpMethod.GET, ROOT + "/Things?$expand=Nothing", null, null), 400, "no navigation");
        assertProblem(send(HttpMethod.GET, ROOT + "/Things?$unknown=1", null, null), 400, "Unknown query option");
        assertProblem(send(HttpMethod.GET, ROOT + "/Things(9223372036854775807)", null, null), 404, "no entity");
        assertProblem(send(HttpMethod.GET, ROOT + "/Things(99999999999999999999)", null, null), 404, "no entity");
        assertProblem(send(HttpMethod.GET, ROOT + "/Thingz", null, null), 404, "no collection");
        assertProblem(
                send(HttpMethod.POST, ROOT + "/Things", "{\"name\":\"x\",\"colour\":\"red\"}", token),
                400,
                "no member colour");
        assertProblem(send(HttpMethod.POST, ROOT + "/Things", "{not json", token), 400, "not a JSON object");
        HttpResponse<Buffer> xml = client.request(HttpMethod.POST, ROOT + "/Things")
                .putHeader("Authorization", "Bearer " + token)
                .putHeader("Content-Type", "application/xml")
                .sendBuffer(Buffer.buffer("<thing/>"))
                .await();
        assertProblem(xml, 415, "application/json");
        HttpResponse<Buffer> huge =
                send(HttpMethod.POST, ROOT + "/Things", "{\"name\":\"" + "x".repeat(300 * 1024) + "\"}", token);
        assertThat(huge.statusCode()).isEqualTo(413);
    }

    private static void assertProblem(HttpResponse<Buffer> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.bodyAsJsonObject().getString("detail")).contains(detail);
        assertThat(response.bodyAsString()).doesNotContain("Exception", "\tat ");
    }

    private static JsonObject get(String uri) {
        HttpResponse<Buffer> response = send(HttpMethod.GET, uri, null, null);
        assertThat(response.statusCode())
                .as(uri + ": " + response.bodyAsString())
                .isEqualTo(200);
        return response.bodyAsJsonObject();
    }

    private static HttpResponse<Buffer> send(HttpMethod method, String uri, String body, String bearer) {
        // Spaces and quotes as a browser sends them.
        var request = client.request(method, uri.replace(" ", "%20").replace("'", "%27"));
        if (bearer != null) {
            request.putHeader("Authorization", "Bearer " + bearer);
        }
        if (body == null) {
            return request.send().await();
        }
        return request.putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer(body))
                .await();
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = store.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
