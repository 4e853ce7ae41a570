package city.mycity.geo.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.mycity.gateway.accounts.Account;
import city.mycity.gateway.accounts.Accounts;
import city.mycity.gateway.accounts.Role;
import city.mycity.gateway.accounts.Sessions;
import city.mycity.gateway.http.Authentication;
import city.mycity.geo.GeoService;
import city.mycity.geo.TestCity;
import city.mycity.geo.TestStore;
import city.mycity.storage.ContactRetention;
import city.mycity.storage.DatabaseRoles;
import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.multipart.MultipartForm;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Open311 GeoReport v2 on the real database and roles: the public reads as the read-only role, reports are written
 * as the registry's role, operators log in.
 */
class Open311IT {

    private static final String ROOT = "/open311/v2";
    private static final String SECRET = "GPS 52.4862N 1.8904W camera SN-998877";

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
        reader = store.pool(DatabaseRoles.Kind.READER, "o311_reader", true);
        registry = store.pool(DatabaseRoles.Kind.REGISTRY, "o311_registry", false);
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
                .reportsPerMinute(1000)
                .writes(registry, new Authentication(sessions).require(Role.OPERATOR), null)
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
    void lists_the_services_and_their_definitions_in_json_and_xml() {
        JsonArray services = client.get(ROOT + "/services.json").send().await().bodyAsJsonArray();
        String xml = client.get(ROOT + "/services.xml").send().await().bodyAsString();
        JsonObject leak =
                client.get(ROOT + "/services/water-leak.json").send().await().bodyAsJsonObject();

        assertThat(services.stream().map(s -> ((JsonObject) s).getString("service_code")))
                .containsExactly("bin-overflowing", "water-leak", "broken-sensor", "blocked-bay");
        assertThat(xml).startsWith("<?xml").contains("<services><service><service_code>bin-overflowing</service_code>");
        assertThat(leak.getJsonArray("attributes").getJsonObject(0).getString("code"))
                .isEqualTo("how_much");
        JsonObject discovery =
                client.get(ROOT + "/discovery.json").send().await().bodyAsJsonObject();
        assertThat(discovery.getJsonArray("endpoints").getJsonObject(0).getString("specification"))
                .isEqualTo("http://wiki.open311.org/GeoReport_v2");
    }

    @Test
    void an_anonymous_report_is_published_and_becomes_an_alert_for_operators() throws SQLException {
        JsonObject created = post(form("bin-overflowing").add("description", "Bin by the bus stop is overflowing"))
                .bodyAsJsonArray()
                .getJsonObject(0);
        String id = created.getString("service_request_id");

        JsonObject published = client.get(ROOT + "/requests/" + id + ".json")
                .send()
                .await()
                .bodyAsJsonArray()
                .getJsonObject(0);
        JsonObject byToken = client.get(ROOT + "/tokens/" + created.getString("token") + ".json")
                .send()
                .await()
                .bodyAsJsonArray()
                .getJsonObject(0);

        assertThat(published.getString("status")).isEqualTo("open");
        assertThat(published.getString("service_name")).isEqualTo("Overflowing bin");
        assertThat(published.getDouble("lat")).isEqualTo(50.01);
        assertThat(byToken.getString("service_request_id")).isEqualTo(id);
        assertThat(text("SELECT problem || ' ' || severity || ' ' || status FROM alert WHERE subject = 'open311/" + id
                        + "'"))
                .isEqualTo("citizen-report warning open");
    }

    @Test
    void contact_details_are_stored_apart_never_published_and_deleted_after_the_retention() throws SQLException {
        String id = post(form("water-leak")
                        .add("attribute[how_much]", "flowing")
                        .add("email", "ann@example.org")
                        .add("first_name", "Ann")
                        .add("phone", "07700 900123"))
                .bodyAsJsonArray()
                .getJsonObject(0)
                .getString("service_request_id");

        String json = client.get(ROOT + "/requests.json").send().await().bodyAsString();
        String xml =
                client.get(ROOT + "/requests/" + id + ".xml").send().await().bodyAsString();

        assertThat(json + xml).contains(id).doesNotContain("ann@example.org", "Ann", "07700");
        assertThat(text("SELECT email FROM service_request_contact WHERE request_id = " + id))
                .isEqualTo("ann@example.org");
        assertThatThrownBy(() -> {
                    try (Connection c = reader.getConnection();
                            PreparedStatement ps = c.prepareStatement("SELECT * FROM service_request_contact")) {
                        ps.executeQuery();
                    }
                })
                .hasMessageContaining("permission denied");

        try (Connection c = store.dataSource().getConnection()) {
            new ContactRetention(Duration.ofDays(90)).apply(c, Instant.now().plus(Duration.ofDays(91)));
        }
        assertThat(text("SELECT count(*) FROM service_request_contact WHERE request_id = " + id))
                .isEqualTo("0");
        assertThat(text("SELECT count(*) FROM service_request WHERE id = " + id))
                .isEqualTo("1");
    }

    @Test
    void a_photo_is_published_without_its_metadata() throws Exception {
        byte[] photo = jpegWithExif();
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("Exif", SECRET);
        MultipartForm form = MultipartForm.create()
                .attribute("service_code", "blocked-bay")
                .attribute("lat", "50.01")
                .attribute("long", "8.01")
                .attribute("attribute[blocked_by]", "skip")
                .binaryFileUpload("media", "bay.jpg", Buffer.buffer(photo), "image/jpeg");

        HttpResponse<Buffer> created =
                client.post(ROOT + "/requests.json").sendMultipartForm(form).await();

        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        String id = created.bodyAsJsonArray().getJsonObject(0).getString("service_request_id");
        String media = client.get(ROOT + "/requests/" + id + ".json")
                .send()
                .await()
                .bodyAsJsonArray()
                .getJsonObject(0)
                .getString("media_url");
        HttpResponse<Buffer> served =
                client.get(media.substring(media.indexOf(ROOT))).send().await();
        assertThat(served.getHeader("Content-Type")).isEqualTo("image/jpeg");
        String bytes = new String(served.body().getBytes(), StandardCharsets.ISO_8859_1);
        assertThat(bytes).doesNotContain("Exif", SECRET);
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(served.body().getBytes()))
                        .getWidth())
                .isEqualTo(64);
    }

    @Test
    void an_operator_closes_a_report_and_its_alert_is_resolved() throws SQLException {
        String id =
                post(form("broken-sensor")).bodyAsJsonArray().getJsonObject(0).getString("service_request_id");
        String path = "/api/v1/open311/requests/" + id;
        JsonObject close = new JsonObject().put("status", "closed").put("status_notes", "Sensor replaced");

        HttpResponse<Buffer> anonymous =
                client.patch(path).sendJsonObject(close).await();
        HttpResponse<Buffer> operator = client.patch(path)
                .putHeader("Authorization", "Bearer " + token)
                .sendJsonObject(close)
                .await();

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(operator.statusCode()).as(operator.bodyAsString()).isEqualTo(200);
        assertThat(operator.bodyAsJsonObject().getString("status_notes")).isEqualTo("Sensor replaced");
        assertThat(text("SELECT status FROM alert WHERE subject = 'open311/" + id + "'"))
                .isEqualTo("resolved");
        JsonArray closed =
                client.get(ROOT + "/requests.json?status=closed").send().await().bodyAsJsonArray();
        assertThat(closed.stream().map(r -> ((JsonObject) r).getString("service_request_id")))
                .contains(id);
    }

    @Test
    void bad_reports_are_refused_with_the_reason() {
        assertRefused(post(form("litter-picking")), "There is no service litter-picking");
        assertRefused(post(form("bin-overflowing").set("lat", "51.5")), "outside the city");
        assertRefused(post(form("water-leak")), "needs attribute[how_much]");
        assertRefused(post(form("water-leak").add("attribute[how_much]", "ocean")), "is one of");
        assertRefused(post(form("bin-overflowing").add("attribute[colour]", "green")), "no attribute colour");
        assertRefused(post(form("bin-overflowing").set("long", "east")), "must be a number");
        HttpResponse<Buffer> notAPhoto = client.post(ROOT + "/requests.json")
                .sendMultipartForm(MultipartForm.create()
                        .attribute("service_code", "bin-overflowing")
                        .attribute("lat", "50.01")
                        .attribute("long", "8.01")
                        .binaryFileUpload("media", "x.jpg", Buffer.buffer("not an image"), "image/jpeg"))
                .await();
        assertRefused(notAPhoto, "not a JPEG, PNG or GIF");
        HttpResponse<Buffer> xml = client.post(ROOT + "/requests.xml")
                .sendForm(form("litter-picking"))
                .await();
        assertThat(xml.statusCode()).isEqualTo(400);
        assertThat(xml.bodyAsString()).contains("<errors><error><code>400</code><description>There is no service");
        HttpResponse<Buffer> json = client.post(ROOT + "/requests.json")
                .sendJsonObject(new JsonObject())
                .await();
        assertThat(json.statusCode()).isEqualTo(415);
    }

    private static void assertRefused(HttpResponse<Buffer> response, String detail) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(400);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.bodyAsJsonObject().getString("detail")).contains(detail);
    }

    private static MultiMap form(String service) {
        return MultiMap.caseInsensitiveMultiMap()
                .add("service_code", service)
                .add("lat", "50.01")
                .add("long", "8.01");
    }

    private static HttpResponse<Buffer> post(MultiMap form) {
        return client.post(ROOT + "/requests.json").sendForm(form).await();
    }

    /** A JPEG with an EXIF segment that says where and with what it was taken. */
    private static byte[] jpegWithExif() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.setRGB(10, 10, 0xff0000);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", jpeg);
        byte[] plain = jpeg.toByteArray();
        byte[] tiff = ("MM\0*\0\0\0\b" + SECRET).getBytes(StandardCharsets.ISO_8859_1);
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + exif.length + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        out.write(exif);
        out.write(tiff);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    private static String text(String sql) throws SQLException {
        try (Connection c = store.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
