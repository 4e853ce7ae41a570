package city.mycity.gateway.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.mycity.embedded.AccessControl;
import city.mycity.embedded.EmbeddedBroker;
import city.mycity.gateway.brokeraccess.AccessSync;
import city.mycity.gateway.brokeraccess.BrokerAccess;
import city.mycity.gateway.brokeraccess.LiveAccess;
import city.mycity.gateway.credentials.CredentialKind;
import city.mycity.gateway.credentials.Credentials;
import city.mycity.gateway.credentials.IssuedCredential;
import city.mycity.gateway.credentials.Subject;
import city.mycity.gateway.ingress.coap.IngressCoapServer;
import city.mycity.gateway.ingress.http.IngressHttpServer;
import city.mycity.gateway.ingress.mqtt.MqttUplinks;
import city.mycity.testkit.TestCertificates;
import city.mycity.testkit.TestDatabase;
import city.mycity.testkit.TestSubscriber;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Direct ingress over real HTTPS, on the real database and a broker with the registry's access: a device without a
 * gateway logs in as itself, its pack reaches the uplink topic, and each refusal has its status and reason and lands
 * in the refusal store.
 */
class DirectIngressIT {

    @TempDir
    static Path folder;

    private static TestDatabase db;
    private static EmbeddedBroker broker;
    private static AccessSync sync;
    private static MqttUplinks uplinks;
    private static Vertx vertx;
    private static IngressHttpServer server;
    private static TestSubscriber ingest;
    private static HttpClient https;
    private static IssuedCredential bin;
    private static IssuedCredential meter;
    private static IssuedCredential eager;

    @BeforeAll
    static void ingressOnHttps() throws Exception {
        boolean openssl = TestCertificates.available();
        if (System.getenv("CI") != null) {
            assertThat(openssl).as("openssl is installed in CI").isTrue();
        }
        Assumptions.assumeTrue(openssl, "openssl is not installed here");
        db = TestDatabase.create().migrated();
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO tenant VALUES ('north', 'North'); INSERT INTO gateway (tenant_id, id, zone_id,"
                    + " latitude, longitude) VALUES ('north', 'nbiot', 'z1', 52.5, -1.5); INSERT INTO device"
                    + " (tenant_id, id, gateway_id, kind, zone_id, latitude, longitude, profile) VALUES ('north',"
                    + " 'bin-1', 'nbiot', 'bin', 'z1', 52.5, -1.5, 'ultrasonic-bin depth-mm=1200'), ('north',"
                    + " 'meter-1', 'nbiot', 'water', 'z1', 52.5, -1.5, NULL), ('north', 'bin-2', 'nbiot', 'bin', 'z1', 52.5, -1.5,"
                    + " 'ultrasonic-bin depth-mm=1200')");
        }
        Credentials credentials = new Credentials(db.dataSource());
        bin = credentials.issue("it", Subject.device("north", "bin-1"), CredentialKind.MQTT_PASSWORD);
        meter = credentials.issue("it", Subject.device("north", "meter-1"), CredentialKind.MQTT_PASSWORD);
        eager = credentials.issue("it", Subject.device("north", "bin-2"), CredentialKind.MQTT_PASSWORD);
        IssuedCredential direct =
                credentials.issue("it", Subject.service(BrokerAccess.DIRECT), CredentialKind.MQTT_PASSWORD);
        IssuedCredential reader =
                credentials.issue("it", Subject.service(BrokerAccess.INGEST), CredentialKind.MQTT_PASSWORD);
        LiveAccess live = new LiveAccess();
        sync = AccessSync.start(db.dataSource(), Duration.ofHours(1), live);
        broker = EmbeddedBroker.builder()
                .accessControl(AccessControl.of(live::authenticate, live::mayPublish, live::maySubscribe))
                .start();
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(reader.identity());
        options.setPassword(reader.secret().getBytes(StandardCharsets.UTF_8));
        ingest = TestSubscriber.connect(broker.url(), "ingest-it", options, "mycity/v1/+/+/+/up");
        uplinks = MqttUplinks.connect(broker.url(), direct.identity(), direct.secret());
        TestCertificates certificates = TestCertificates.create(folder.resolve("tls"));
        DirectIngress ingress = new DirectIngress(db.dataSource(), uplinks, 1, 5, 1024, new SimpleMeterRegistry());
        vertx = Vertx.vertx();
        server = IngressHttpServer.start(
                vertx,
                ingress,
                "127.0.0.1",
                0,
                new PemKeyCertOptions()
                        .setCertPath(certificates.serverCertificate().toString())
                        .setKeyPath(certificates.serverKey().toString()),
                1024);
        https = HttpClient.newBuilder()
                .sslContext(trusting(certificates.authority()))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
            vertx.close().await();
            uplinks.close();
            ingest.close();
            broker.close();
            sync.close();
            db.close();
        }
    }

    @Test
    void a_device_without_a_gateway_sends_senml_over_https_into_the_pipeline() throws Exception {
        String pack = "[{\"bn\":\"urn:dev:mycity:north:meter-1:\",\"bt\":"
                + Instant.now().getEpochSecond() + ",\"n\":\"flow\",\"u\":\"l/min\",\"v\":12.5}]";

        HttpResponse<String> response = post("meter-1", meter, "application/senml+json", pack.getBytes());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> ingest.messages().stream()
                .anyMatch(m -> m.topic().equals("mycity/v1/north/nbiot/meter-1/up")));
    }

    @Test
    void a_vendor_frame_is_read_with_the_devices_profile_from_the_registry() throws Exception {
        HttpResponse<String> response =
                post("bin-1", bin, "application/octet-stream", HexFormat.of().parseHex("106553f1000007012c4012"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ingest.texts().stream().anyMatch(t -> t.contains("bin-1") && t.contains("\"fill\"")));
    }

    @Test
    void each_refusal_has_its_status_and_reason_and_lands_in_the_refusal_store() throws Exception {
        IssuedCredential wrong = new IssuedCredential(0, meter.subject(), meter.kind(), meter.identity(), "guess");

        assertThat(reason(post("meter-1", wrong, "application/senml+json", "[]".getBytes())))
                .isEqualTo("401 unauthenticated");
        assertThat(reason(post("bin-1", meter, "application/senml+json", "[]".getBytes())))
                .isEqualTo("403 device_mismatch");
        assertThat(reason(post("meter-1", meter, "application/senml+json", "{not json".getBytes())))
                .isEqualTo("400 malformed_payload");
        assertThat(reason(post("meter-1", meter, "text/plain", "hello".getBytes())))
                .isEqualTo("415 unsupported_format");
        assertThat(reason(post("bin-1", bin, "application/octet-stream", new byte[2048])))
                .isEqualTo("413 oversized");

        assertThat(storedReasons())
                .contains("device_mismatch", "malformed_payload", "unsupported_format", "oversized")
                .as("anyone can send these: counted, not stored")
                .doesNotContain("unauthenticated");
    }

    @Test
    void a_device_that_sends_too_fast_is_told_to_wait() throws Exception {
        String reasons = "";
        for (int i = 0; i < 8; i++) {
            reasons += reason(post(
                    "bin-2", eager, "application/octet-stream", HexFormat.of().parseHex("10")));
        }

        assertThat(reasons).contains("429 rate_limited");
    }

    @Test
    void a_device_without_a_gateway_sends_over_coap_and_dtls_with_its_registry_key() throws Exception {
        Path client = Path.of("/usr/bin/coap-client-openssl");
        if (System.getenv("CI") != null) {
            assertThat(Files.isExecutable(client))
                    .as("libcoap3-bin is installed in CI")
                    .isTrue();
        }
        Assumptions.assumeTrue(Files.isExecutable(client), "coap-client-openssl is not installed here");
        Credentials credentials = new Credentials(db.dataSource());
        IssuedCredential key = credentials.issue("it", Subject.device("north", "meter-1"), CredentialKind.DTLS_PSK);
        try (IngressCoapServer coap = IngressCoapServer.start(
                new DirectIngress(db.dataSource(), uplinks, 10, 10, 1024, new SimpleMeterRegistry()),
                credentials,
                "127.0.0.1",
                0,
                Duration.ofMillis(200))) {
            String pack = "[{\"bn\":\"urn:dev:mycity:north:meter-1:\",\"bt\":"
                    + Instant.now().getEpochSecond() + ",\"n\":\"pressure\",\"u\":\"bar\",\"v\":3.5}]";

            String accepted = coap(client, coap.port(), key.identity(), key.secret(), "meter-1", pack);
            String asAnother = coap(client, coap.port(), key.identity(), key.secret(), "bin-1", pack);
            String wrongKey = coap(client, coap.port(), key.identity(), "not-the-key-of-meter-1", "meter-1", pack);
            credentials.revoke("it", "north", key.id());
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !coap(client, coap.port(), key.identity(), key.secret(), "meter-1", pack)
                            .contains("2.04"));

            assertThat(accepted).contains("2.04");
            assertThat(asAnother).contains("4.03").contains("device_mismatch");
            assertThat(wrongKey).doesNotContain("2.04");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> ingest.texts().stream().anyMatch(t -> t.contains("meter-1") && t.contains("3.5")));
        }
    }

    /** What coap-client-openssl printed posting the pack as {@code identity} with {@code key}. */
    private static String coap(Path client, int port, String identity, String key, String device, String pack)
            throws Exception {
        Process process = new ProcessBuilder(
                        client.toString(),
                        "-m",
                        "post",
                        "-t",
                        "110",
                        "-u",
                        identity,
                        "-k",
                        key,
                        "-B",
                        "5",
                        "-v",
                        "6",
                        "-e",
                        pack,
                        "coaps://127.0.0.1:" + port + "/up/" + device)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return output;
    }

    private static String reason(HttpResponse<String> response) {
        if (response.statusCode() == 204) {
            return "204";
        }
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        return response.statusCode() + " " + new JsonObject(response.body()).getString("reason");
    }

    private static HttpResponse<String> post(String device, IssuedCredential as, String type, byte[] body)
            throws Exception {
        String login = Base64.getEncoder()
                .encodeToString((as.identity() + ":" + as.secret()).getBytes(StandardCharsets.UTF_8));
        return https.send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + "/ingress/v1/up/" + device))
                        .header("Authorization", "Basic " + login)
                        .header("Content-Type", type)
                        .timeout(Duration.ofSeconds(15))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static java.util.List<String> storedReasons() throws SQLException {
        java.util.List<String> reasons = new java.util.ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT reason FROM refusal")) {
            while (rs.next()) {
                reasons.add(rs.getString(1));
            }
        }
        return reasons;
    }

    private static SSLContext trusting(Path authority) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry(
                "ca",
                CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(authority))));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
