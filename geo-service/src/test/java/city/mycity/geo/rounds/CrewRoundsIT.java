package city.mycity.geo.rounds;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.citymodel.City;
import city.mycity.citymodel.GeoPoint;
import city.mycity.citymodel.Sensor;
import city.mycity.geo.GeoService;
import city.mycity.geo.TestCity;
import city.mycity.geo.TestStore;
import city.mycity.reading.SensorKind;
import city.mycity.storage.DatabaseRoles;
import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The crews' rounds on the real database and roles (read-only side, registry's role for the rounds), with a test guard
 * that takes the account, council and role from headers (the gateway's own guard is tested in the gateway).
 */
class CrewRoundsIT {

    private static final String TENANT = "north";
    private static final String ANNA = "anna.crew";
    private static final String BEN = "ben.crew";
    private static final String OLGA = "olga.operator";
    /** Bins along the test town's streets, all due already. */
    private static final List<Sensor> BINS = List.of(
            bin("bin-00002", 50.0101, 8.0050, "s-1"),
            bin("bin-00003", 50.0101, 8.0250, "s-1"),
            bin("bin-00004", 50.0151, 8.0100, "s-3"),
            bin("bin-00005", 50.0180, 8.0201, "s-2"),
            bin("bin-00006", 50.0050, 8.0301, "s-6"),
            bin("bin-00007", 50.0151, 8.0040, "s-3"),
            bin("bin-00008", 50.0030, 8.0201, "s-2"));

    private static TestStore store;
    private static HikariDataSource reader;
    private static HikariDataSource registry;
    private static Vertx vertx;
    private static GeoService service;
    private static WebClient client;
    private static final Set<String> taken = new HashSet<>();
    private static final GeoPoint BIN_PLACE = new GeoPoint(50.0060, 8.0200);

    @BeforeAll
    static void start() throws Exception {
        City town = TestCity.create(TENANT);
        List<Sensor> sensors = new ArrayList<>(town.sensors());
        sensors.addAll(BINS);
        City city = new City(
                town.tenant(),
                town.name(),
                town.bounds(),
                town.zones(),
                town.streets(),
                town.carParks(),
                town.gateways(),
                sensors,
                town.provenance(),
                town.trafficSignals());
        store = TestStore.withCity(city);
        store.binStatus("bin-00001", 92, "2026-01-01T06:00:00Z");
        for (Sensor bin : BINS) {
            store.binStatus(bin.id(), 85, "2026-01-01T06:00:00Z");
        }
        account(ANNA, TENANT, "crew");
        account(BEN, TENANT, "crew");
        account(OLGA, TENANT, "operator");
        reader = store.pool(DatabaseRoles.Kind.READER, "crew_reader", true);
        registry = store.pool(DatabaseRoles.Kind.REGISTRY, "crew_registry", false);
        vertx = Vertx.vertx();
        service = GeoService.builder()
                .vertx(vertx)
                .city(city)
                .dataSource(reader)
                .port(0)
                .managementPort(0)
                .rateLimit(10_000)
                .crews(registry, CrewRoundsIT::guard)
                .crewPlanSearch(Duration.ofSeconds(1))
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
    void a_councils_rounds_are_planned_once_a_day_for_all_its_crews() {
        JsonObject first = round(ANNA);
        JsonObject again = round(ANNA);
        JsonObject ben = round(BEN);

        assertThat(again.getString("planned_at")).isEqualTo(first.getString("planned_at"));
        assertThat(bins(again)).isEqualTo(bins(first));
        assertThat(first.getString("day"))
                .isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
        assertThat(ben.getString("planned_at")).as("planned together").isEqualTo(first.getString("planned_at"));
        assertThat(List.of(first.getInteger("truck"), ben.getInteger("truck"))).containsExactlyInAnyOrder(1, 2);
        Set<String> every = new HashSet<>(bins(first));
        every.addAll(bins(ben));
        assertThat(every).as("every bin due, once").hasSize(BINS.size() + 1);
        assertThat(java.util.Collections.disjoint(bins(first), bins(ben)))
                .as("no bin on two rounds")
                .isTrue();
        JsonObject busy = busy();
        JsonArray stops = busy.getJsonArray("stops");
        for (int i = 0; i < stops.size(); i++) {
            assertThat(stops.getJsonObject(i).getInteger("position")).isEqualTo(i + 1);
        }
        JsonObject stop = stop(busy, "bin-00004");
        if (stop != null) {
            assertThat(stop.getString("street")).isEqualTo("Mill Lane");
            assertThat(stop.getDouble("lat")).isEqualTo(50.0151);
            assertThat(stop.getDouble("lon")).isEqualTo(8.0100);
        }
        assertThat(busy.getJsonObject("route").getString("type")).isEqualTo("LineString");
    }

    @Test
    void an_emptied_bin_flows_back_and_is_no_longer_due() {
        JsonObject stop = next();
        String bin = stop.getString("bin");
        assertThat(due()).contains(bin);

        HttpResponse<Buffer> answer = report(crewOf(bin), bin, body(UUID.randomUUID(), "emptied", null, null));

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonObject after = stop(answer.bodyAsJsonObject(), bin);
        assertThat(after.getString("status")).isEqualTo("emptied");
        assertThat(after.getString("reported_at")).isNotNull();
        assertThat(after.getDouble("fill")).isEqualTo(0.0);
        assertThat(due()).doesNotContain(bin);
    }

    @Test
    void a_report_sent_again_after_a_lost_signal_is_taken_once() throws SQLException {
        JsonObject stop = next();
        String bin = stop.getString("bin");
        String crew = crewOf(bin);
        UUID id = UUID.randomUUID();
        JsonObject body = body(id, "emptied", null, null);

        HttpResponse<Buffer> first = report(crew, bin, body);
        String updated = first.bodyAsJsonObject().getString("updated");
        HttpResponse<Buffer> again = report(crew, bin, body);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(stop(again.bodyAsJsonObject(), bin)).isEqualTo(stop(first.bodyAsJsonObject(), bin));
        assertThat(again.bodyAsJsonObject().getString("updated"))
                .as("not changed again")
                .isEqualTo(updated);
        assertThat(count("SELECT count(*) FROM crew_report WHERE report_id = '" + id + "'"))
                .isEqualTo(1);
        HttpResponse<Buffer> other = report(crew, bin, body(UUID.randomUUID(), "not-emptied", "blocked", null));
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(other.bodyAsJsonObject().getJsonObject("stop").getString("status"))
                .isEqualTo("emptied");
        HttpResponse<Buffer> reused = report(crew, bin, body(id, "not-emptied", "blocked", null));
        assertThat(reused.statusCode())
                .as("a report id used for another outcome")
                .isEqualTo(409);
    }

    @Test
    void a_bin_not_emptied_stays_due_and_the_rest_of_the_round_is_planned_again_from_it() {
        JsonObject stop = next();
        String bin = stop.getString("bin");
        String crew = crewOf(bin);
        Set<String> plannedBefore = planned(round(crew));
        plannedBefore.remove(bin);

        HttpResponse<Buffer> answer =
                report(crew, bin, body(UUID.randomUUID(), "not-emptied", "blocked", "van parked in front"));

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonObject round = answer.bodyAsJsonObject();
        JsonObject after = stop(round, bin);
        assertThat(after.getString("status")).isEqualTo("not-emptied");
        assertThat(after.getString("reason")).isEqualTo("blocked");
        assertThat(after.getString("note")).isEqualTo("van parked in front");
        assertThat(planned(round)).isEqualTo(plannedBefore);
        JsonArray stops = round.getJsonArray("stops");
        boolean plannedSeen = false;
        for (int i = 0; i < stops.size(); i++) {
            boolean planned = stops.getJsonObject(i).getString("status").equals("planned");
            assertThat(planned || !plannedSeen).as("reported stops first").isTrue();
            plannedSeen |= planned;
        }
        JsonArray start =
                round.getJsonObject("route").getJsonArray("coordinates").getJsonArray(0);
        assertThat(new GeoPoint(start.getDouble(1), start.getDouble(0))
                        .distanceTo(new GeoPoint(after.getDouble("lat"), after.getDouble("lon"))))
                .as("the route goes on from the bin not emptied")
                .isLessThan(300);
        assertThat(due()).contains(bin);
    }

    @Test
    void a_crew_member_sees_and_reports_their_own_round_only() {
        JsonObject anna = round(ANNA);

        assertThat(get("/api/v1/crew/round?crew=" + ANNA, BEN, "crew", TENANT).statusCode())
                .isEqualTo(403);
        assertThat(get("/api/v1/crew/round", ANNA, "crew", "south").statusCode())
                .as("another council's account")
                .isEqualTo(403);
        assertThat(get("/api/v1/crew/round", null, null, null).statusCode()).isEqualTo(401);
        HttpResponse<Buffer> olga = get("/api/v1/crew/round?crew=" + ANNA, OLGA, "operator", TENANT);
        assertThat(olga.statusCode()).isEqualTo(200);
        assertThat(olga.bodyAsJsonObject().getString("crew")).isEqualTo(ANNA);
        assertThat(olga.bodyAsJsonObject().getString("planned_at")).isEqualTo(anna.getString("planned_at"));
        assertThat(get("/api/v1/crew/round", OLGA, "operator", TENANT).statusCode())
                .isEqualTo(400);
        assertThat(get("/api/v1/crew/round?crew=nobody", OLGA, "operator", TENANT)
                        .statusCode())
                .isEqualTo(404);
        JsonObject stop = next();
        String bin = stop.getString("bin");
        String other = crewOf(bin).equals(ANNA) ? BEN : ANNA;
        HttpResponse<Buffer> notTheirs = report(other, bin, body(UUID.randomUUID(), "emptied", null, null));
        assertThat(notTheirs.statusCode()).isEqualTo(404);
        assertThat(notTheirs.getHeader("Content-Type")).isEqualTo("application/problem+json");
        taken.remove(bin);
    }

    @Test
    void a_day_planned_when_nothing_was_due_is_planned_again_later_and_a_day_with_stops_is_kept() throws Exception {
        RoundStore rounds = new RoundStore(registry, TestCity.create(TENANT));
        LocalDate empty = LocalDate.parse("2020-01-01");
        LocalDate busy = LocalDate.parse("2020-01-02");
        rounds.save(empty, List.of(ANNA), Map.of());
        rounds.save(
                busy,
                List.of(ANNA),
                Map.of(1, new RoundStore.Planned(List.of(new RoundStore.PlannedStop("bin-00001", BIN_PLACE)), null)));
        store.database()
                .execute("UPDATE crew_round SET planned_at = now() - interval '1 hour' WHERE day < '2021-01-01'");

        assertThat(rounds.forgetEmptyDay(empty, Instant.now().minus(CrewRounds.REPLAN_EMPTY_DAY_AFTER)))
                .isTrue();
        assertThat(rounds.planned(empty)).isFalse();
        assertThat(rounds.forgetEmptyDay(busy, Instant.now().minus(CrewRounds.REPLAN_EMPTY_DAY_AFTER)))
                .isFalse();
        assertThat(rounds.planned(busy)).isTrue();
    }

    @Test
    void bad_reports_are_refused_with_a_problem_naming_the_member() {
        round(ANNA);
        String bin = busy().getJsonArray("stops").getJsonObject(0).getString("bin");
        String crew = crewOf(bin);
        String now = Instant.now().toString();

        assertRefused(crew, bin, "not json", "body");
        assertRefused(crew, bin, "[1, 2]", "body");
        assertRefused(crew, bin, new JsonObject().put("outcome", "emptied").put("at", now), "report_id");
        assertRefused(crew, bin, body(UUID.randomUUID(), "maybe", null, null), "outcome");
        assertRefused(crew, bin, body(UUID.randomUUID(), "not-emptied", null, null), "reason");
        assertRefused(crew, bin, body(UUID.randomUUID(), "not-emptied", "lazy", null), "reason");
        assertRefused(crew, bin, body(UUID.randomUUID(), "not-emptied", "other", "x".repeat(201)), "note");
        assertRefused(
                crew,
                bin,
                body(UUID.randomUUID(), "emptied", null, null)
                        .put("at", Instant.now().plus(Duration.ofHours(1)).toString()),
                "at");
        assertRefused(crew, bin, body(UUID.randomUUID(), "emptied", null, null).put("at", "now"), "at");
        assertRefused(crew, bin, body(UUID.randomUUID(), "emptied", null, null).put("outcome", 1), "outcome");
        HttpResponse<Buffer> yesterday = report(
                crew,
                bin,
                body(UUID.randomUUID(), "emptied", null, null)
                        .put("at", Instant.now().minus(Duration.ofDays(2)).toString()));
        assertThat(yesterday.statusCode()).as("no round that day").isEqualTo(404);
    }

    private static void assertRefused(String crew, String bin, Object body, String member) {
        HttpResponse<Buffer> answer = report(crew, bin, body);

        assertThat(answer.statusCode()).as(String.valueOf(body)).isEqualTo(400);
        assertThat(answer.getHeader("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.bodyAsJsonObject().getString("parameter")).isEqualTo(member);
    }

    // --- the test guard and requests

    private static void guard(RoutingContext ctx) {
        String account = ctx.request().getHeader("X-Test-Account");
        if (account == null) {
            ctx.response().setStatusCode(401).end();
            return;
        }
        ctx.put("mycity.account", account);
        ctx.put("mycity.council", ctx.request().getHeader("X-Test-Council"));
        ctx.put("mycity.role", ctx.request().getHeader("X-Test-Role"));
        ctx.next();
    }

    private static HttpRequest<Buffer> as(HttpRequest<Buffer> request, String account, String role, String council) {
        if (account != null) {
            request.putHeader("X-Test-Account", account)
                    .putHeader("X-Test-Role", role)
                    .putHeader("X-Test-Council", council);
        }
        return request;
    }

    private static HttpResponse<Buffer> get(String uri, String account, String role, String council) {
        return as(client.get(uri), account, role, council).send().await();
    }

    private static JsonObject round(String crew) {
        HttpResponse<Buffer> response = get("/api/v1/crew/round", crew, "crew", TENANT);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
        return response.bodyAsJsonObject();
    }

    private static HttpResponse<Buffer> report(String crew, String bin, Object body) {
        HttpRequest<Buffer> request = as(client.post("/api/v1/crew/round/stops/" + bin), crew, "crew", TENANT);
        return request.sendBuffer(Buffer.buffer(body.toString())).await();
    }

    private static JsonObject body(UUID id, String outcome, String reason, String note) {
        return new JsonObject()
                .put("report_id", id.toString())
                .put("outcome", outcome)
                .put("reason", reason)
                .put("note", note)
                .put("at", Instant.now().toString());
    }

    /** The round with more stops. */
    private static JsonObject busy() {
        JsonObject anna = round(ANNA);
        JsonObject ben = round(BEN);
        return anna.getJsonArray("stops").size() >= ben.getJsonArray("stops").size() ? anna : ben;
    }

    /** A planned stop no other test has taken. */
    private static synchronized JsonObject next() {
        for (String crew : List.of(ANNA, BEN)) {
            JsonArray stops = round(crew).getJsonArray("stops");
            for (int i = 0; i < stops.size(); i++) {
                JsonObject stop = stops.getJsonObject(i);
                if (stop.getString("status").equals("planned") && taken.add(stop.getString("bin"))) {
                    return stop;
                }
            }
        }
        throw new AssertionError("No planned stop left for this test: add bins.");
    }

    private static String crewOf(String bin) {
        return bins(round(ANNA)).contains(bin) ? ANNA : BEN;
    }

    private static JsonObject stop(JsonObject round, String bin) {
        JsonArray stops = round.getJsonArray("stops");
        for (int i = 0; i < stops.size(); i++) {
            if (stops.getJsonObject(i).getString("bin").equals(bin)) {
                return stops.getJsonObject(i);
            }
        }
        return null;
    }

    private static List<String> bins(JsonObject round) {
        List<String> bins = new ArrayList<>();
        round.getJsonArray("stops").forEach(s -> bins.add(((JsonObject) s).getString("bin")));
        return bins;
    }

    private static Set<String> planned(JsonObject round) {
        Set<String> planned = new HashSet<>();
        round.getJsonArray("stops").forEach(s -> {
            JsonObject stop = (JsonObject) s;
            if (stop.getString("status").equals("planned")) {
                planned.add(stop.getString("bin"));
            }
        });
        return planned;
    }

    private static List<String> due() {
        String endOfToday = java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                .plusDays(1)
                .atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant()
                .toString();
        JsonObject due = client.get("/api/v1/bins/due?before=" + endOfToday)
                .send()
                .await()
                .bodyAsJsonObject();
        List<String> ids = new ArrayList<>();
        due.getJsonArray("features").forEach(f -> ids.add(((JsonObject) f).getString("id")));
        return ids;
    }

    private static Sensor bin(String id, double latitude, double longitude, String street) {
        return new Sensor(id, SensorKind.BIN, "z-a1", "gw-z-a1", null, street, new GeoPoint(latitude, longitude));
    }

    private static void account(String username, String tenant, String role) throws SQLException {
        try (Connection c = store.dataSource().getConnection();
                PreparedStatement st =
                        c.prepareStatement("INSERT INTO account (username, tenant_id, role) VALUES (?, ?, ?)")) {
            st.setString(1, username);
            st.setString(2, tenant);
            st.setString(3, role);
            st.executeUpdate();
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = store.dataSource().getConnection();
                PreparedStatement st = c.prepareStatement(sql);
                ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
