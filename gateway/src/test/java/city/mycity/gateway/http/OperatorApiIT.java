package city.mycity.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.gateway.accounts.Accounts;
import city.mycity.gateway.accounts.Role;
import city.mycity.storage.Database;
import city.mycity.storage.DatabaseRoles;
import city.mycity.storage.DatabaseSettings;
import city.mycity.testkit.TestDatabase;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operators' API over real HTTP on the real database: logins, roles, CSRF, councils kept apart. */
class OperatorApiIT {

    private static final String PASSWORD = "a long enough password";
    private static final String DEVICES = "/api/v1/registry/devices";

    private static TestDatabase db;
    private static Vertx vertx;
    private static HttpServer server;
    private static WebClient client;
    private static String role;
    private static com.zaxxer.hikari.HikariDataSource registry;

    @BeforeAll
    static void apiOnTwoCouncils() throws SQLException {
        db = TestDatabase.create().migrated();
        execute("INSERT INTO tenant (id, name) VALUES ('north', 'North'), ('south', 'South');"
                + "INSERT INTO zone VALUES ('north', 'z1', 'Centre', 52, -2, 53, -1), ('south', 'z9', 'Docks', 50, -2,"
                + " 51, -1);"
                + "INSERT INTO gateway (tenant_id, id, zone_id, latitude, longitude) VALUES ('north', 'g1', 'z1', 52.5,"
                + " -1.5), ('south', 'g9', 'z9', 50.5, -1.5)");
        Accounts accounts = new Accounts(db.dataSource());
        accounts.create("setup", "north", "nora", Role.OPERATOR, "Nora", PASSWORD);
        accounts.create("setup", "north", "carl", Role.CREW, "Carl", PASSWORD);
        accounts.create("setup", "north", "ada", Role.ADMIN, "Ada", PASSWORD);
        accounts.create("setup", "south", "sam", Role.OPERATOR, "Sam", PASSWORD);
        // The API works as it does in production: on a role that writes the registry only, kept to one council
        // by row-level security.
        role = db.roleName("mycity_api_it");
        String password = java.util.HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(16));
        DatabaseRoles.create(db.dataSource(), DatabaseRoles.Kind.REGISTRY, role, password);
        registry =
                Database.pool(DatabaseSettings.of(db.jdbcUrl(), role, password).withPoolSize(4), "api-it");
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

    @BeforeEach
    void noDevices() throws SQLException {
        execute("DELETE FROM device");
    }

    @Test
    void the_registry_needs_a_login() {
        HttpResponse<Buffer> response = client.get(DEVICES).send().await();

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.bodyAsJsonObject().getString("type")).isEqualTo("urn:mycity:problem:unauthorized");
        assertThat(request(HttpMethod.GET, DEVICES, new Login("forged-token", "x"), null)
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void a_wrong_password_is_refused_and_the_right_one_gives_a_secure_session_cookie() {
        HttpResponse<Buffer> wrong = login("nora", "not the password at all");
        HttpResponse<Buffer> right = login("nora", PASSWORD);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.cookies()).isEmpty();
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.bodyAsJsonObject().getString("role")).isEqualTo("operator");
        assertThat(right.bodyAsJsonObject().getString("tenant")).isEqualTo("north");
        assertThat(right.cookies())
                .singleElement()
                .asString()
                .startsWith("mycity_session=")
                .containsIgnoringCase("HttpOnly")
                .contains("Secure")
                .contains("SameSite=Strict");
    }

    @Test
    void an_operator_registers_changes_and_retires_a_device() {
        Login nora = loggedIn("nora");

        HttpResponse<Buffer> created = request(HttpMethod.POST, DEVICES, nora, bin("bin-1", "g1"));
        HttpResponse<Buffer> changed =
                request(HttpMethod.PATCH, DEVICES + "/bin-1", nora, new JsonObject().put("firmwareVersion", "2.5.0"));
        HttpResponse<Buffer> retired = request(HttpMethod.DELETE, DEVICES + "/bin-1", nora, null);

        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        assertThat(created.getHeader("Location")).isEqualTo(DEVICES + "/bin-1");
        assertThat(changed.bodyAsJsonObject().getString("firmwareVersion")).isEqualTo("2.5.0");
        assertThat(changed.getHeader("ETag")).isEqualTo("\"2\"");
        assertThat(retired.bodyAsJsonObject().getString("status")).isEqualTo("retired");
    }

    @Test
    void a_change_without_the_csrf_token_is_refused() {
        Login nora = loggedIn("nora");

        HttpResponse<Buffer> response =
                request(HttpMethod.POST, DEVICES, new Login(nora.cookie(), "not-the-token"), bin("bin-1", "g1"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.bodyAsJsonObject().getString("type")).isEqualTo("urn:mycity:problem:csrf");
    }

    @Test
    void a_crew_account_reads_the_registry_but_cannot_act_as_an_operator() {
        request(HttpMethod.POST, DEVICES, loggedIn("nora"), bin("bin-1", "g1"));
        Login carl = loggedIn("carl");

        assertThat(request(HttpMethod.GET, DEVICES + "/bin-1", carl, null).statusCode())
                .isEqualTo(200);
        assertThat(request(HttpMethod.POST, DEVICES, carl, bin("bin-2", "g1")).statusCode())
                .isEqualTo(403);
        assertThat(request(HttpMethod.DELETE, DEVICES + "/bin-1", carl, null).statusCode())
                .isEqualTo(403);
        assertThat(request(HttpMethod.GET, "/api/v1/accounts", loggedIn("nora"), null)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void another_councils_operator_neither_sees_nor_changes_a_device() {
        request(HttpMethod.POST, DEVICES, loggedIn("nora"), bin("bin-1", "g1"));
        Login sam = loggedIn("sam");

        assertThat(request(HttpMethod.GET, DEVICES + "/bin-1", sam, null).statusCode())
                .isEqualTo(404);
        assertThat(request(HttpMethod.PATCH, DEVICES + "/bin-1", sam, new JsonObject().put("vendor", "Evil"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(request(HttpMethod.DELETE, DEVICES + "/bin-1", sam, null).statusCode())
                .isEqualTo(404);
        assertThat(request(HttpMethod.GET, DEVICES, sam, null)
                        .bodyAsJsonObject()
                        .getJsonArray("devices"))
                .isEmpty();
        assertThat(request(HttpMethod.POST, DEVICES, sam, bin("bin-2", "g1"))
                        .bodyAsJsonObject()
                        .getString("field"))
                .as("north's gateway is unknown to south")
                .isEqualTo("gateway");
    }

    @Test
    void a_stale_change_is_refused_with_412() {
        Login nora = loggedIn("nora");
        request(HttpMethod.POST, DEVICES, nora, bin("bin-1", "g1"));
        request(HttpMethod.PATCH, DEVICES + "/bin-1", nora, new JsonObject().put("firmwareVersion", "2"));

        HttpResponse<Buffer> stale = client.request(HttpMethod.PATCH, DEVICES + "/bin-1")
                .putHeaders(headers(nora))
                .putHeader("If-Match", "\"1\"")
                .sendJsonObject(new JsonObject().put("firmwareVersion", "3"))
                .await();

        assertThat(stale.statusCode()).isEqualTo(412);
    }

    @Test
    void bad_input_is_refused_with_the_field_at_fault() {
        Login nora = loggedIn("nora");

        HttpResponse<Buffer> wrongType =
                request(HttpMethod.POST, DEVICES, nora, bin("bin-1", "g1").put("latitude", "north-ish"));
        HttpResponse<Buffer> unknownField =
                request(HttpMethod.POST, DEVICES, nora, bin("bin-1", "g1").put("colour", "green"));
        HttpResponse<Buffer> notJson = client.post(DEVICES)
                .putHeaders(headers(nora))
                .putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer("{\"id\": "))
                .await();

        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.bodyAsJsonObject().getString("field")).isEqualTo("latitude");
        assertThat(unknownField.bodyAsJsonObject().getString("field")).isEqualTo("colour");
        assertThat(notJson.statusCode()).isEqualTo(400);
    }

    @Test
    void logout_ends_the_session() {
        Login nora = loggedIn("nora");

        assertThat(request(HttpMethod.DELETE, "/api/v1/session", nora, null).statusCode())
                .isEqualTo(204);
        assertThat(request(HttpMethod.GET, DEVICES, nora, null).statusCode()).isEqualTo(401);
    }

    @Test
    void repeated_failures_lock_the_account_out() {
        Accounts accounts = new Accounts(db.dataSource());
        accounts.create("setup", "north", "lou", Role.CREW, null, PASSWORD);
        for (int i = 0; i < Accounts.DEFAULT_MAX_FAILURES - 1; i++) {
            assertThat(login("lou", "wrong guess " + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<Buffer> last = login("lou", "wrong guess again");
        HttpResponse<Buffer> right = login("lou", PASSWORD);

        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.getHeader("Retry-After")).isNotNull();
    }

    @Test
    void an_admin_creates_an_account_of_the_council_and_the_audit_log_says_who() throws SQLException {
        Login ada = loggedIn("ada");

        HttpResponse<Buffer> created = request(
                HttpMethod.POST,
                "/api/v1/accounts",
                ada,
                new JsonObject().put("username", "new-crew").put("role", "crew").put("password", PASSWORD));

        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        assertThat(created.bodyAsJsonObject().getString("tenant")).isEqualTo("north");
        assertThat(login("new-crew", PASSWORD).statusCode()).isEqualTo(200);
        assertThat(column("SELECT actor || ' ' || action FROM audit_log WHERE target = 'new-crew' ORDER BY id"))
                .startsWith("ada account.create");
    }

    @Test
    void an_operator_imports_a_csv_file_and_gets_each_refused_row_with_its_line() {
        String csv = "id,gateway,kind,zone,latitude,longitude\nbin-1,g1,bin,z1,52.5,-1.5\nbin-2,g1,bin,z1,95,-1.5\n";

        HttpResponse<Buffer> report = client.post(DEVICES + "/import")
                .putHeaders(headers(loggedIn("nora")))
                .putHeader("Content-Type", "text/csv")
                .sendBuffer(Buffer.buffer(csv))
                .await();
        HttpResponse<Buffer> crew = client.post(DEVICES + "/import")
                .putHeaders(headers(loggedIn("carl")))
                .putHeader("Content-Type", "text/csv")
                .sendBuffer(Buffer.buffer(csv))
                .await();

        assertThat(report.statusCode()).as(report.bodyAsString()).isEqualTo(200);
        assertThat(report.bodyAsJsonObject().getInteger("created")).isEqualTo(1);
        assertThat(report.bodyAsJsonObject()
                        .getJsonArray("refused")
                        .getJsonObject(0)
                        .getMap())
                .containsEntry("line", 3)
                .containsEntry("column", "latitude");
        assertThat(crew.statusCode()).isEqualTo(403);
    }

    @Test
    void a_long_import_streams_its_progress_then_its_report() {
        StringBuilder csv = new StringBuilder("id,gateway,kind,zone,latitude,longitude\n");
        for (int i = 0; i < 3500; i++) {
            csv.append("bin-").append(i).append(",g1,bin,z1,52.5,-1.5\n");
        }

        HttpResponse<Buffer> events = client.post(DEVICES + "/import")
                .putHeaders(headers(loggedIn("nora")))
                .putHeader("Content-Type", "text/csv")
                .putHeader("Accept", "text/event-stream")
                .sendBuffer(Buffer.buffer(csv.toString()))
                .await();

        assertThat(events.getHeader("Content-Type")).isEqualTo("text/event-stream");
        assertThat(events.bodyAsString())
                .contains("event: progress\ndata: {\"done\":1000,\"total\":3500}")
                .contains("event: progress\ndata: {\"done\":3500,\"total\":3500}")
                .contains("event: report\ndata: {\"rows\":3500,\"created\":3500");
    }

    @Test
    void an_operator_issues_a_devices_secret_once_and_revokes_it() {
        Login nora = loggedIn("nora");
        request(HttpMethod.POST, DEVICES, nora, bin("bin-1", "g1"));

        HttpResponse<Buffer> issued = request(
                HttpMethod.POST, DEVICES + "/bin-1/credentials", nora, new JsonObject().put("kind", "mqtt-password"));
        HttpResponse<Buffer> listed = request(HttpMethod.GET, DEVICES + "/bin-1/credentials", nora, null);
        HttpResponse<Buffer> otherCouncil = request(
                HttpMethod.POST,
                DEVICES + "/bin-1/credentials",
                loggedIn("sam"),
                new JsonObject().put("kind", "mqtt-password"));
        HttpResponse<Buffer> crew = request(
                HttpMethod.POST,
                DEVICES + "/bin-1/credentials",
                loggedIn("carl"),
                new JsonObject().put("kind", "dtls-psk"));
        long id = issued.bodyAsJsonObject().getLong("id");
        HttpResponse<Buffer> revoked = request(HttpMethod.DELETE, "/api/v1/registry/credentials/" + id, nora, null);

        assertThat(issued.statusCode()).as(issued.bodyAsString()).isEqualTo(201);
        assertThat(issued.bodyAsJsonObject().getString("identity")).isEqualTo("dev~north~bin-1");
        String secret = issued.bodyAsJsonObject().getString("secret");
        assertThat(secret).hasSize(24);
        assertThat(listed.bodyAsString()).contains("dev~north~bin-1").doesNotContain(secret);
        assertThat(otherCouncil.statusCode()).isEqualTo(404);
        assertThat(crew.statusCode()).isEqualTo(403);
        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(request(HttpMethod.GET, DEVICES + "/bin-1/credentials", nora, null)
                        .bodyAsJsonObject()
                        .getJsonArray("credentials")
                        .getJsonObject(0)
                        .getString("revokedAt"))
                .isNotNull();
    }

    @Test
    void an_operator_reads_the_councils_refusals_by_device_and_reason_and_no_other_councils() throws SQLException {
        execute("DELETE FROM refusal; DELETE FROM refused_message;"
                + "INSERT INTO refused_message (digest, topic, payload, received_at) VALUES"
                + " ('\\x0a', 'mycity/v1/north/g1/bin-1/up', convert_to('[{\"n\":1}]', 'UTF8'), now()),"
                + " ('\\x0b', 'mycity/v1/south/g9/bin-9/up', '\\xff00', now());"
                + "INSERT INTO refusal (digest, record_index, topic, tenant_id, device_id, reason, reasons, details,"
                + " excerpt, received_at) VALUES ('\\x0a', 0, 't', 'north', 'bin-1', 'wrong_type', '{wrong_type}',"
                + " '{d}', 'e', now()), ('\\x0b', 0, 't', 'south', 'bin-9', 'malformed_payload',"
                + " '{malformed_payload}', '{d}', 'e', now())");
        Login nora = loggedIn("nora");

        JsonObject listed = request(HttpMethod.GET, "/api/v1/registry/refusals?device=bin-1", nora, null)
                .bodyAsJsonObject();
        JsonObject counts = request(HttpMethod.GET, "/api/v1/registry/refusals/counts", nora, null)
                .bodyAsJsonObject();
        HttpResponse<Buffer> unknownReason =
                request(HttpMethod.GET, "/api/v1/registry/refusals?reason=Bad%20Vibes!", nora, null);

        assertThat(listed.getJsonArray("refused")).hasSize(1);
        assertThat(listed.getJsonArray("refused").getJsonObject(0).getString("payload"))
                .isEqualTo("[{\"n\":1}]");
        assertThat(counts.getJsonObject("byReason").getMap()).containsOnlyKeys("wrong_type");
        assertThat(unknownReason.statusCode()).isEqualTo(400);
        assertThat(request(HttpMethod.GET, "/api/v1/registry/refusals", loggedIn("carl"), null)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void an_operator_registers_lists_changes_and_retires_a_gateway_which_ends_its_credentials() {
        Login nora = loggedIn("nora");
        String gateways = "/api/v1/registry/gateways";

        HttpResponse<Buffer> created = request(
                HttpMethod.POST,
                gateways,
                nora,
                new JsonObject()
                        .put("id", "g-new")
                        .put("zone", "z1")
                        .put("latitude", 52.51)
                        .put("longitude", -1.49)
                        .put("installedOn", "2026-11-01"));
        HttpResponse<Buffer> issued = request(
                HttpMethod.POST, gateways + "/g-new/credentials", nora, new JsonObject().put("kind", "mqtt-password"));
        HttpResponse<Buffer> changed =
                request(HttpMethod.PATCH, gateways + "/g-new", nora, new JsonObject().put("firmwareVersion", "1.2"));
        HttpResponse<Buffer> listed = request(HttpMethod.GET, gateways + "?zone=z1", nora, null);
        HttpResponse<Buffer> crew = request(
                HttpMethod.POST,
                gateways,
                loggedIn("carl"),
                new JsonObject().put("id", "g-x").put("zone", "z1"));
        HttpResponse<Buffer> otherCouncil = request(HttpMethod.GET, gateways + "/g-new", loggedIn("sam"), null);
        HttpResponse<Buffer> retired = request(HttpMethod.DELETE, gateways + "/g-new", nora, null);

        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        assertThat(issued.statusCode()).isEqualTo(201);
        assertThat(changed.bodyAsJsonObject().getString("firmwareVersion")).isEqualTo("1.2");
        assertThat(listed.bodyAsString()).contains("\"g-new\"").contains("\"g1\"");
        assertThat(crew.statusCode()).isEqualTo(403);
        assertThat(otherCouncil.statusCode()).isEqualTo(404);
        assertThat(retired.bodyAsJsonObject().getString("status")).isEqualTo("retired");
        assertThat(request(HttpMethod.GET, gateways + "/g-new/credentials", nora, null)
                        .bodyAsJsonObject()
                        .getJsonArray("credentials")
                        .getJsonObject(0)
                        .getString("revokedAt"))
                .isNotNull();
    }

    /** A logged-in client: its session cookie and its CSRF token. */
    private record Login(String cookie, String csrf) {}

    private static Login loggedIn(String username) {
        HttpResponse<Buffer> response = login(username, PASSWORD);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        String cookie = response.cookies().get(0).split(";", 2)[0];
        return new Login(
                cookie.substring(cookie.indexOf('=') + 1),
                response.bodyAsJsonObject().getString("csrfToken"));
    }

    private static HttpResponse<Buffer> login(String username, String password) {
        return client.post("/api/v1/session")
                .sendJsonObject(new JsonObject().put("username", username).put("password", password))
                .await();
    }

    private static HttpResponse<Buffer> request(HttpMethod method, String path, Login login, JsonObject body) {
        var request = client.request(method, path).putHeaders(headers(login));
        return (body == null ? request.send() : request.sendJsonObject(body)).await();
    }

    private static MultiMap headers(Login login) {
        return MultiMap.caseInsensitiveMultiMap()
                .add("Cookie", "mycity_session=" + login.cookie())
                .add(Authentication.CSRF_HEADER, login.csrf());
    }

    private static JsonObject bin(String id, String gateway) {
        return new JsonObject()
                .put("id", id)
                .put("gateway", gateway)
                .put("kind", "bin")
                .put("zone", gateway.equals("g9") ? "z9" : "z1")
                .put("latitude", 52.5)
                .put("longitude", -1.5)
                .put("vendor", "Acme Sensors")
                .put("profile", "ultrasonic-bin depth-mm=1100")
                .put("installedOn", "2026-05-04");
    }

    private static void execute(String sql) throws SQLException {
        db.execute(sql);
    }

    private static List<String> column(String sql) throws SQLException {
        return db.column(sql);
    }
}
