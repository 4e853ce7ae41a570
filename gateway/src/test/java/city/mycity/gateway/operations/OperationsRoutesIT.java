package city.mycity.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.mycity.gateway.accounts.Accounts;
import city.mycity.gateway.accounts.Role;
import city.mycity.gateway.http.Authentication;
import city.mycity.gateway.http.OperatorApi;
import city.mycity.storage.Database;
import city.mycity.storage.DatabaseRoles;
import city.mycity.storage.DatabaseSettings;
import city.mycity.testkit.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations centre over real HTTP on the real database, on the operators' API's own database role (row-level
 * security): the map's states, the alert queue with acknowledge and resolve, gateways' health, polling with since,
 * crew forbidden, councils apart, and a fleet of 20,000 sensors.
 */
class OperationsRoutesIT {

    private static final Logger LOGGER = LoggerFactory.getLogger(OperationsRoutesIT.class);
    private static final String PASSWORD = "a long enough password";
    private static final String SENSORS = "/api/v1/ops/sensors";
    private static final String ALERTS = "/api/v1/ops/alerts";
    private static final String GATEWAYS = "/api/v1/ops/gateways";

    private static TestDatabase db;
    private static Vertx vertx;
    private static HttpServer server;
    private static WebClient client;
    private static HikariDataSource registry;

    @BeforeAll
    static void apiOnFourCouncils() throws SQLException {
        db = TestDatabase.create().migrated();
        db.execute("INSERT INTO tenant (id, name) VALUES ('north', 'North'), ('south', 'South'), ('poll', 'Poll'),"
                + " ('big', 'Big');"
                + "INSERT INTO zone VALUES ('north', 'z1', 'Centre', 52, -2, 53, -1), ('north', 'z2', 'Docks', 52, -2,"
                + " 53, -1), ('south', 'z9', 'South', 50, -2, 51, -1);"
                + "INSERT INTO gateway (tenant_id, id, zone_id, latitude, longitude) VALUES"
                + " ('north', 'g1', 'z1', 52.5, -1.5), ('north', 'g2', 'z1', 52.6, -1.6), ('north', 'g3', 'z2', 52.7,"
                + " -1.7), ('south', 'g9', 'z9', 50.5, -1.5), ('poll', 'gp', 'zp', 51, -1), ('big', 'gb', 'zb', 52, -1);"
                + "UPDATE gateway SET status = 'retired' WHERE id = 'g2'");
        Accounts accounts = new Accounts(db.dataSource());
        accounts.create("setup", "north", "nora", Role.OPERATOR, "Nora", PASSWORD);
        accounts.create("setup", "north", "carl", Role.CREW, "Carl", PASSWORD);
        accounts.create("setup", "north", "ada", Role.ADMIN, "Ada", PASSWORD);
        accounts.create("setup", "south", "sam", Role.OPERATOR, "Sam", PASSWORD);
        accounts.create("setup", "poll", "paul", Role.OPERATOR, "Paul", PASSWORD);
        accounts.create("setup", "big", "bea", Role.OPERATOR, "Bea", PASSWORD);
        String role = db.roleName("mycity_ops_it");
        String password = java.util.HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(16));
        DatabaseRoles.create(db.dataSource(), DatabaseRoles.Kind.REGISTRY, role, password);
        registry =
                Database.pool(DatabaseSettings.of(db.jdbcUrl(), role, password).withPoolSize(4), "ops-it");
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        OperatorApi.on(registry).mount(router);
        server = vertx.createHttpServer()
                .requestHandler(router)
                .listen(0, "127.0.0.1")
                .await();
        client = WebClient.create(
                vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(server.actualPort()));
    }

    @AfterAll
    static void stop() throws SQLException {
        client.close();
        server.close().await();
        vertx.close().await();
        registry.close();
        db.close();
    }

    @Test
    void the_map_shows_each_sensor_of_the_council_by_state() throws SQLException {
        db.execute("INSERT INTO device (tenant_id, id, gateway_id, kind, zone_id, latitude, longitude, status) VALUES"
                + " ('north', 'm-ok', 'g1', 'parking-bay', 'z1', 52.51, -1.51, 'active'),"
                + " ('north', 'm-alert', 'g1', 'parking-bay', 'z1', 52.52, -1.52, 'active'),"
                + " ('north', 'm-silent', 'g1', 'parking-bay', 'z1', 52.53, -1.53, 'maintenance'),"
                + " ('north', 'm-low', 'g1', 'bin', 'z1', 52.54, -1.54, 'active'),"
                + " ('north', 'm-never', 'g3', 'bin', 'z2', 52.55, -1.55, 'active'),"
                + " ('north', 'm-retired', 'g1', 'bin', 'z1', 52.56, -1.56, 'retired'),"
                + " ('north', 'm-planned', 'g1', 'bin', 'z1', 52.57, -1.57, 'planned'),"
                + " ('north', 'g1', 'g1', 'gateway', 'z1', 52.5, -1.5, 'active');"
                + "INSERT INTO sensor_state (tenant_id, device_id, quantity, value, unit, time, updated_at) VALUES"
                + " ('north', 'm-ok', 'occupied', 1, '/', now(), now()),"
                + " ('north', 'm-ok', 'battery', 87, '%', now(), now()),"
                + " ('north', 'm-alert', 'occupied', 0, '/', now(), now()),"
                + " ('north', 'm-silent', 'occupied', 0, '/', now() - interval '2 hours', now() - interval '2 hours'),"
                + " ('north', 'm-silent', 'seen-ago', 7200, 's', now(), now()),"
                + " ('north', 'm-low', 'fill', 40, '%', now(), now()),"
                + " ('north', 'm-low', 'battery', 12, '%', now(), now())");
        // Registered two hours ago, so that a sensor never heard from has had time to report; m-new has not.
        db.execute("UPDATE device SET registered_at = now() - interval '2 hours' WHERE tenant_id = 'north'"
                + " AND id LIKE 'm-%';"
                + "INSERT INTO device (tenant_id, id, gateway_id, kind, zone_id, latitude, longitude, status) VALUES"
                + " ('north', 'm-new', 'g3', 'bin', 'z2', 52.58, -1.58, 'active')");
        alert("north", "m-alert", "stuck", "open");
        alert("north", "m-low", "battery-low", "open");
        alert("north", "m-ok", "stuck", "resolved");
        Login nora = loggedIn("nora");

        JsonObject map = get(SENSORS, nora).bodyAsJsonObject();

        Map<String, JsonObject> sensors = byId(map.getJsonArray("sensors"));
        assertThat(Instant.parse(map.getString("as_of"))).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
        assertThat(sensors)
                .containsKeys("m-ok", "m-alert", "m-silent", "m-low", "m-never")
                .doesNotContainKeys("m-retired", "m-planned", "g1");
        assertThat(sensors.get("m-ok").getString("state")).isEqualTo("ok");
        assertThat(sensors.get("m-ok").getDouble("battery")).isEqualTo(87.0);
        assertThat(sensors.get("m-ok").getInteger("alerts"))
                .as("its resolved alert")
                .isZero();
        assertThat(sensors.get("m-alert").getString("state")).isEqualTo("alerting");
        assertThat(sensors.get("m-alert").getInteger("alerts")).isEqualTo(1);
        assertThat(sensors.get("m-silent").getString("state"))
                .as("its gateway's seen-ago is not its own reading")
                .isEqualTo("offline");
        assertThat(sensors.get("m-low").getString("state")).isEqualTo("low-battery");
        assertThat(sensors.get("m-never").getString("state")).isEqualTo("offline");
        assertThat(sensors.get("m-new").getString("state"))
                .as("registered moments ago, it has time to report")
                .isEqualTo("ok");
        assertThat(sensors.get("m-never").getValue("last_seen")).isNull();
        assertThat(sensors.get("m-never").getValue("battery")).isNull();
        assertThat(sensors.get("m-ok").fieldNames())
                .containsExactlyInAnyOrder(
                        "id", "kind", "zone", "lon", "lat", "state", "battery", "last_seen", "alerts");
        assertThat(sensors.get("m-ok").getDouble("lon")).isEqualTo(-1.51);
        assertThat(byId(get(SENSORS + "?kind=bin", nora).bodyAsJsonObject().getJsonArray("sensors")))
                .containsKeys("m-low", "m-never")
                .doesNotContainKeys("m-ok", "m-alert");
        assertThat(byId(get(SENSORS + "?kind=bin&zone=z2", nora)
                        .bodyAsJsonObject()
                        .getJsonArray("sensors")))
                .containsOnlyKeys("m-never", "m-new");
    }

    @Test
    void a_crew_account_is_forbidden_and_another_councils_operator_sees_none_of_the_rows() throws SQLException {
        db.execute("INSERT INTO device (tenant_id, id, gateway_id, kind, zone_id, latitude, longitude) VALUES"
                + " ('north', 'c-bay', 'g1', 'parking-bay', 'z1', 52.5, -1.5)");
        String id = alert("north", "c-bay", "stuck", "open");
        Login carl = loggedIn("carl");
        Login sam = loggedIn("sam");

        for (String path : List.of(SENSORS, ALERTS, GATEWAYS)) {
            HttpResponse<Buffer> forbidden = get(path, carl);
            assertThat(forbidden.statusCode()).as(path).isEqualTo(403);
            assertThat(forbidden.bodyAsJsonObject().getString("type")).isEqualTo("urn:mycity:problem:forbidden");
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(post(ALERTS + "/" + id + "/acknowledge", carl, null).statusCode())
                .isEqualTo(403);
        assertThat(byId(get(SENSORS, sam).bodyAsJsonObject().getJsonArray("sensors")))
                .doesNotContainKey("c-bay");
        assertThat(ids(get(ALERTS + "?status=all", sam).bodyAsJsonObject().getJsonArray("alerts")))
                .doesNotContain(id);
        assertThat(ids(get(GATEWAYS, sam).bodyAsJsonObject().getJsonArray("gateways")))
                .containsExactly("g9");
        assertThat(post(ALERTS + "/" + id + "/resolve", sam, null).statusCode())
                .as("another council's alert is not found")
                .isEqualTo(404);
        assertThat(status(id)).isEqualTo("open");
        assertThat(get(SENSORS, loggedIn("ada")).statusCode())
                .as("an admin is an operator too")
                .isEqualTo(200);
    }

    @Test
    void resolving_the_alert_of_a_problem_the_public_reported_closes_the_report_with_the_note() throws Exception {
        String id = alert("north", "open311/1", "citizen-report", "open");
        db.execute("INSERT INTO service_request (tenant_id, token, service_code, latitude, longitude, alert_id)"
                + " VALUES ('north', gen_random_uuid(), 'bin-overflowing', 52.5, -1.5, '" + id + "')");

        HttpResponse<Buffer> resolved =
                post(ALERTS + "/" + id + "/resolve", loggedIn("nora"), new JsonObject().put("note", "Bin emptied"));

        assertThat(resolved.statusCode()).as(resolved.bodyAsString()).isEqualTo(200);
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement st = c.prepareStatement(
                        "SELECT status, status_notes FROM service_request WHERE alert_id = ?::uuid")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("closed");
                assertThat(rs.getString(2)).isEqualTo("Bin emptied");
            }
        }
    }

    @Test
    void an_alert_is_acknowledged_then_resolved_with_who_and_when_and_the_feed_sees_each_change() throws Exception {
        db.execute("INSERT INTO device (tenant_id, id, gateway_id, kind, zone_id, latitude, longitude) VALUES"
                + " ('north', 'a-water', 'g3', 'water', 'z2', 52.7, -1.7)");
        String id = alert("north", "a-water", "leak", "open");
        Instant opened = updatedAt(id);
        Login nora = loggedIn("nora");

        HttpResponse<Buffer> noCsrf = client.post(ALERTS + "/" + id + "/acknowledge")
                .putHeader("Cookie", Authentication.COOKIE + "=" + nora.cookie())
                .send()
                .await();
        HttpResponse<Buffer> acknowledged =
                post(ALERTS + "/" + id + "/acknowledge", nora, new JsonObject().put("note", "crew on the way"));
        Instant afterAcknowledgement = updatedAt(id);
        HttpResponse<Buffer> again = post(ALERTS + "/" + id + "/acknowledge", nora, null);
        HttpResponse<Buffer> resolved =
                post(ALERTS + "/" + id + "/resolve", nora, new JsonObject().put("note", "valve closed"));
        HttpResponse<Buffer> resolvedAgain = post(ALERTS + "/" + id + "/resolve", nora, null);
        HttpResponse<Buffer> acknowledgedLate = post(ALERTS + "/" + id + "/acknowledge", nora, null);

        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(acknowledged.statusCode()).as(acknowledged.bodyAsString()).isEqualTo(200);
        JsonObject ack = acknowledged.bodyAsJsonObject();
        assertThat(ack.getString("status")).isEqualTo("acknowledged");
        assertThat(ack.getString("acknowledged_by")).isEqualTo("nora");
        assertThat(ack.getString("acknowledged_at")).isNotNull();
        assertThat(ack.getString("acknowledge_note")).isEqualTo("crew on the way");
        assertThat(ack.getString("kind")).isEqualTo("water");
        assertThat(ack.getString("zone")).isEqualTo("z2");
        assertThat(afterAcknowledgement)
                .as("updated_at, which the public feed follows")
                .isAfter(opened);
        assertThat(again.statusCode()).as("acknowledging twice changes nothing").isEqualTo(200);
        assertThat(again.bodyAsJsonObject().getString("acknowledged_at")).isEqualTo(ack.getString("acknowledged_at"));
        assertThat(resolved.statusCode()).as(resolved.bodyAsString()).isEqualTo(200);
        JsonObject done = resolved.bodyAsJsonObject();
        assertThat(done.getString("status")).isEqualTo("resolved");
        assertThat(done.getString("resolved_by")).isEqualTo("nora");
        assertThat(done.getString("resolve_note")).isEqualTo("valve closed");
        assertThat(done.getString("resolved_at")).isNotNull();
        assertThat(done.getString("acknowledged_by")).isEqualTo("nora");
        assertThat(updatedAt(id)).isAfter(afterAcknowledgement);
        assertThat(resolvedAgain.statusCode()).isEqualTo(409);
        assertThat(resolvedAgain.bodyAsJsonObject().getString("type")).isEqualTo("urn:mycity:problem:conflict");
        assertThat(acknowledgedLate.statusCode()).isEqualTo(409);
        assertThat(audit(id)).containsExactly("alert.acknowledge by nora", "alert.resolve by nora");
        assertThat(ids(get(ALERTS, nora).bodyAsJsonObject().getJsonArray("alerts")))
                .as("the default queue is the unresolved alerts")
                .doesNotContain(id);
        assertThat(byId(get(ALERTS + "?status=resolved&zone=z2", nora)
                                .bodyAsJsonObject()
                                .getJsonArray("alerts"))
                        .get(id)
                        .getString("resolved_by"))
                .isEqualTo("nora");
    }

    @Test
    void unknown_alerts_and_bad_input_are_refused_with_the_reason() {
        Login nora = loggedIn("nora");

        assertThat(post(ALERTS + "/" + UUID.randomUUID() + "/resolve", nora, null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(post(ALERTS + "/not-a-uuid/acknowledge", nora, null).statusCode())
                .isEqualTo(404);
        HttpResponse<Buffer> longNote = post(
                ALERTS + "/" + UUID.randomUUID() + "/resolve", nora, new JsonObject().put("note", "x".repeat(501)));
        assertThat(longNote.statusCode()).isEqualTo(400);
        assertThat(longNote.bodyAsJsonObject().getString("field")).isEqualTo("note");
        assertThat(get(ALERTS + "?status=closed", nora).bodyAsJsonObject().getString("field"))
                .isEqualTo("status");
        assertThat(get(SENSORS + "?since=yesterday", nora).bodyAsJsonObject().getString("field"))
                .isEqualTo("since");
        assertThat(get(SENSORS + "?kind=Not%20A%20Kind", nora).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/ops/nothing", nora).statusCode()).isEqualTo(404);
        assertThat(client.delete(SENSORS).send().await().statusCode()).isEqualTo(405);
    }

    @Test
    void polling_since_an_answer_returns_only_the_sensors_that_changed() throws SQLException {
        db.execute("INSERT INTO device (tenant_id, id, gateway_id, kind, zone_id, latitude, longitude, updated_at)"
                + " SELECT 'poll', id, 'gp', 'parking-bay', 'zp', 51, -1, now() - interval '1 day'"
                + " FROM unnest(ARRAY['p-read', 'p-alert', 'p-retire', 'p-still', 'p-fading']) AS id;"
                + "INSERT INTO sensor_state (tenant_id, device_id, quantity, value, unit, time, updated_at)"
                + " SELECT 'poll', id, 'occupied', 0, '/', now() - interval '5 minutes', now() - interval '5 minutes'"
                + " FROM unnest(ARRAY['p-read', 'p-alert', 'p-retire', 'p-still']) AS id;"
                // Its last reading is about to be an hour old.
                + "INSERT INTO sensor_state (tenant_id, device_id, quantity, value, unit, time, updated_at) VALUES"
                + " ('poll', 'p-fading', 'occupied', 0, '/', now(), now() - interval '1 hour' + interval '5 seconds')");
        Login paul = loggedIn("paul");
        JsonObject first = get(SENSORS, paul).bodyAsJsonObject();
        assertThat(byId(first.getJsonArray("sensors"))).hasSize(5);
        assertThat(byId(first.getJsonArray("sensors")).get("p-fading").getString("state"))
                .isEqualTo("ok");
        assertThat(first.containsKey("removed")).as("only polls say what left").isFalse();
        String asOf = first.getString("as_of");

        db.execute("UPDATE sensor_state SET value = 1, updated_at = now() WHERE tenant_id = 'poll'"
                + " AND device_id = 'p-read';"
                + "UPDATE device SET status = 'retired', updated_at = now() WHERE tenant_id = 'poll'"
                + " AND id = 'p-retire'");
        alert("poll", "p-alert", "stuck", "open");

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    JsonObject poll = get(SENSORS + "?since=" + asOf, paul).bodyAsJsonObject();
                    Map<String, JsonObject> changed = byId(poll.getJsonArray("sensors"));
                    assertThat(changed).containsOnlyKeys("p-read", "p-alert", "p-fading");
                    assertThat(changed.get("p-alert").getString("state")).isEqualTo("alerting");
                    assertThat(changed.get("p-fading").getString("state"))
                            .as("nothing changed in the store, but an hour has passed")
                            .isEqualTo("offline");
                    assertThat(poll.getJsonArray("removed")).containsExactly("p-retire");
                });
        JsonObject quiet =
                get(SENSORS + "?since=" + Instant.now().plusSeconds(60), paul).bodyAsJsonObject();
        assertThat(quiet.getJsonArray("sensors")).isEmpty();
    }

    @Test
    void polling_the_queue_since_an_answer_tells_which_alerts_left_it() throws SQLException {
        db.execute("INSERT INTO device (tenant_id, id, gateway_id, kind, zone_id, latitude, longitude) VALUES"
                + " ('poll', 'q-bin', 'gp', 'bin', 'zp', 51, -1)");
        String stays = alert("poll", "q-bin", "bin-full", "open");
        String leaves = alert("poll", "q-bin", "stuck", "open");
        Login paul = loggedIn("paul");
        JsonObject first = get(ALERTS + "?kind=bin", paul).bodyAsJsonObject();
        assertThat(ids(first.getJsonArray("alerts"))).contains(stays, leaves);

        assertThat(post(ALERTS + "/" + leaves + "/resolve", paul, null).statusCode())
                .isEqualTo(200);
        JsonObject poll = get(ALERTS + "?kind=bin&since=" + first.getString("as_of"), paul)
                .bodyAsJsonObject();

        assertThat(poll.getJsonArray("removed")).contains(leaves);
        assertThat(ids(poll.getJsonArray("alerts"))).doesNotContain(leaves);
        assertThat(poll.getBoolean("more")).isFalse();
    }

    @Test
    void the_gateways_show_their_health_from_their_own_telemetry() throws SQLException {
        db.execute("INSERT INTO device (tenant_id, id, gateway_id, kind, zone_id, latitude, longitude) VALUES"
                + " ('north', 'g1', 'g1', 'gateway', 'z1', 52.5, -1.5), ('north', 'g3', 'g3', 'gateway', 'z2', 52.7,"
                + " -1.7), ('north', 'h-bay', 'g1', 'parking-bay', 'z1', 52.5, -1.5) ON CONFLICT DO NOTHING;"
                + "INSERT INTO sensor_state (tenant_id, device_id, quantity, value, unit, time, updated_at) VALUES"
                + " ('north', 'g1', 'outbox-depth', 1200, 'count', now(), now()),"
                + " ('north', 'g1', 'outbox-oldest-age', 900, 's', now(), now()),"
                + " ('north', 'g1', 'uptime', 86400, 's', now(), now()),"
                + " ('north', 'g1', 'cpu', 12.5, '%', now(), now()),"
                + " ('north', 'g1', 'memory', 52428800, 'B', now(), now())"
                + " ON CONFLICT (tenant_id, device_id, quantity) DO UPDATE SET value = excluded.value,"
                + " updated_at = excluded.updated_at");
        Login nora = loggedIn("nora");

        JsonObject answer = get(GATEWAYS, nora).bodyAsJsonObject();

        Map<String, JsonObject> gateways = byId(answer.getJsonArray("gateways"));
        assertThat(gateways).containsOnlyKeys("g1", "g3");
        JsonObject g1 = gateways.get("g1");
        assertThat(g1.getString("state")).isEqualTo("backlog");
        assertThat(g1.getJsonObject("health").getDouble("outbox_depth")).isEqualTo(1200.0);
        assertThat(g1.getJsonObject("health").getDouble("outbox_oldest_age")).isEqualTo(900.0);
        assertThat(g1.getJsonObject("health").getDouble("cpu")).isEqualTo(12.5);
        assertThat(g1.getJsonObject("health").containsKey("outbox_evicted")).isFalse();
        assertThat(g1.getString("last_seen")).isNotNull();
        assertThat(g1.getInteger("sensors")).isGreaterThanOrEqualTo(1);
        assertThat(g1.getString("zone")).isEqualTo("z1");
        assertThat(gateways.get("g3").getString("state")).as("never reported").isEqualTo("offline");
        assertThat(byId(get(GATEWAYS + "?zone=z2", nora).bodyAsJsonObject().getJsonArray("gateways")))
                .containsOnlyKeys("g3");
    }

    @Test
    void twenty_thousand_sensors_come_in_one_answer_and_a_poll_reads_only_the_changes() throws SQLException {
        db.execute("INSERT INTO device (tenant_id, id, gateway_id, kind, zone_id, latitude, longitude, updated_at)"
                + " SELECT 'big', 'b-' || lpad(i::text, 5, '0'), 'gb', CASE WHEN i % 4 = 0 THEN 'bin'"
                + " ELSE 'parking-bay' END, 'zb' || (i % 20), 52 + i * 1e-5, -1 - i * 1e-5, now() - interval '1 day'"
                + " FROM generate_series(1, 20000) AS i;"
                + "INSERT INTO sensor_state (tenant_id, device_id, quantity, value, unit, time, updated_at)"
                + " SELECT 'big', d.id, q.quantity, round(random() * 100), '%', now(), now() - (random() * 50 + 1)"
                + " * interval '1 minute' FROM device d CROSS JOIN (VALUES ('occupied'), ('battery'), ('seen-ago'))"
                + " AS q(quantity) WHERE d.tenant_id = 'big';"
                + "INSERT INTO alert (id, tenant_id, subject, problem, severity, status, opened_at, changed_at, detail,"
                + " updated_at) SELECT gen_random_uuid(), 'big', 'b-' || lpad((i * 97)::text, 5, '0'), 'stuck',"
                + " 'info', CASE WHEN i % 3 = 0 THEN 'resolved' ELSE 'open' END, now(), now(), 'stuck',"
                + " now() - interval '1 hour' FROM generate_series(1, 200) AS i;"
                + "ANALYZE device; ANALYZE sensor_state; ANALYZE alert");
        Login bea = loggedIn("bea");

        long start = System.nanoTime();
        HttpResponse<Buffer> cold = get(SENSORS, bea);
        long coldMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        HttpResponse<Buffer> all = get(SENSORS, bea);
        long fullMillis = (System.nanoTime() - start) / 1_000_000;
        JsonObject answer = all.bodyAsJsonObject();
        db.execute("UPDATE sensor_state SET value = 3, updated_at = now() WHERE tenant_id = 'big'"
                + " AND device_id IN ('b-00001', 'b-00002', 'b-00003') AND quantity = 'battery'");
        start = System.nanoTime();
        JsonObject poll =
                get(SENSORS + "?since=" + answer.getString("as_of"), bea).bodyAsJsonObject();
        long pollMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(answer.getJsonArray("sensors")).hasSize(20_000);
        assertThat(byId(poll.getJsonArray("sensors"))).containsOnlyKeys("b-00001", "b-00002", "b-00003");
        assertThat(byId(poll.getJsonArray("sensors")).get("b-00001").getString("state"))
                .isEqualTo("low-battery");
        LOGGER.info(
                "20,000 sensors: {} bytes in {} ms (the first time: {} ms); a poll of 3 changes in {} ms",
                all.body().length(),
                fullMillis,
                coldMillis,
                pollMillis);
        SensorMap map = new SensorMap(registry, OperationsSettings.defaults());
        String fullPlan = explain(map.query("big", SensorFilter.all(), Instant.now()));
        String pollPlan = explain(map.query("big", new SensorFilter(null, null, Instant.now()), Instant.now()));
        LOGGER.info("The map's plan:\n{}\nA poll's plan:\n{}", fullPlan, pollPlan);
        assertThat(pollPlan).contains("Index Scan using sensor_state_updated");
    }

    private static String explain(SensorMap.Query query) throws SQLException {
        try (Connection c = registry.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement tenant = c.prepareStatement("SELECT set_config('mycity.tenant', 'big', true)")) {
                tenant.execute();
            }
            try (PreparedStatement st = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + query.sql())) {
                for (int i = 0; i < query.params().size(); i++) {
                    st.setObject(i + 1, query.params().get(i));
                }
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                c.rollback();
                return plan.toString();
            }
        }
    }

    private static String alert(String tenant, String subject, String problem, String status) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement st = c.prepareStatement("INSERT INTO alert (id, tenant_id, subject, problem,"
                        + " severity, status, opened_at, changed_at, detail, resolved_at)"
                        + " VALUES (?::uuid, ?, ?, ?, 'warning', ?, now(), now(), 'seen by the stream',"
                        + " CASE WHEN ? = 'resolved' THEN now() END)")) {
            st.setString(1, id);
            st.setString(2, tenant);
            st.setString(3, subject);
            st.setString(4, problem);
            st.setString(5, status);
            st.setString(6, status);
            st.executeUpdate();
        }
        return id;
    }

    private static String status(String id) throws SQLException {
        return one("SELECT status FROM alert WHERE id = ?::uuid", id);
    }

    private static Instant updatedAt(String id) throws SQLException {
        return Instant.parse(one(
                "SELECT to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
                        + " FROM alert WHERE id = ?::uuid",
                id));
    }

    private static List<String> audit(String id) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement st = c.prepareStatement(
                        "SELECT action || ' by ' || actor FROM audit_log WHERE target = ? ORDER BY id")) {
            st.setString(1, id);
            List<String> rows = new java.util.ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        }
    }

    private static String one(String sql, String parameter) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, parameter);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static Map<String, JsonObject> byId(JsonArray items) {
        Map<String, JsonObject> byId = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            byId.put(items.getJsonObject(i).getString("id"), items.getJsonObject(i));
        }
        return byId;
    }

    private static List<String> ids(JsonArray items) {
        return byId(items).keySet().stream().sorted().collect(Collectors.toList());
    }

    private static org.assertj.core.data.TemporalUnitOffset within(Duration duration) {
        return new org.assertj.core.data.TemporalUnitWithinOffset(
                duration.toSeconds(), java.time.temporal.ChronoUnit.SECONDS);
    }

    private record Login(String cookie, String csrf) {}

    private static Login loggedIn(String username) {
        HttpResponse<Buffer> response = client.post("/api/v1/session")
                .sendJsonObject(new JsonObject().put("username", username).put("password", PASSWORD))
                .await();
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        String cookie = response.cookies().get(0).split(";", 2)[0];
        return new Login(
                cookie.substring(cookie.indexOf('=') + 1),
                response.bodyAsJsonObject().getString("csrfToken"));
    }

    private static HttpResponse<Buffer> get(String path, Login login) {
        var request = client.get(path);
        if (login != null) {
            request.putHeaders(headers(login));
        }
        return request.send().await();
    }

    private static HttpResponse<Buffer> post(String path, Login login, JsonObject body) {
        var request = client.request(HttpMethod.POST, path).putHeaders(headers(login));
        return (body == null ? request.send() : request.sendJsonObject(body)).await();
    }

    private static MultiMap headers(Login login) {
        return MultiMap.caseInsensitiveMultiMap()
                .add("Cookie", Authentication.COOKIE + "=" + login.cookie())
                .add(Authentication.CSRF_HEADER, login.csrf());
    }
}
