package city.mycity.gateway.brokeraccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.mycity.embedded.MosquittoProcess;
import city.mycity.gateway.brokeraccess.mosquitto.MosquittoAccessFiles;
import city.mycity.gateway.credentials.CredentialKind;
import city.mycity.gateway.credentials.Credentials;
import city.mycity.gateway.credentials.IssuedCredential;
import city.mycity.gateway.credentials.Subject;
import city.mycity.testkit.TestDatabase;
import city.mycity.testkit.TestSubscriber;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Mosquitto, its password and ACL files written from the registry, against the real {@code mosquitto_pub}
 * and {@code mosquitto_sub}: a gateway publishes only under its own topics, only the ingest service reads uplinks, and
 * a revoked or rotated credential is refused after a reload, without a restart.
 */
class MosquittoAccessIT {

    @TempDir
    static Path folder;

    private static TestDatabase db;
    private static Credentials credentials;
    private static MosquittoProcess mosquitto;
    private static TestSubscriber ingest;
    private static AccessSync sync;
    private static IssuedCredential gatewayA;
    private static IssuedCredential gatewayB;

    @BeforeAll
    static void mosquittoWithTheRegistrysAccounts() throws Exception {
        boolean installed = MosquittoProcess.available();
        if (System.getenv("CI") != null) {
            assertThat(installed).as("Mosquitto is installed in CI").isTrue();
        }
        Assumptions.assumeTrue(installed, "Mosquitto is not installed here");
        db = TestDatabase.create().migrated();
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO tenant VALUES ('north', 'North'); INSERT INTO gateway (tenant_id, id, zone_id,"
                    + " latitude, longitude) VALUES ('north', 'ga', 'z1', 52.5, -1.5), ('north', 'gb', 'z1', 52.5,"
                    + " -1.5)");
        }
        credentials = new Credentials(db.dataSource());
        gatewayA = credentials.issue("it", Subject.gateway("north", "ga"), CredentialKind.MQTT_PASSWORD);
        gatewayB = credentials.issue("it", Subject.gateway("north", "gb"), CredentialKind.MQTT_PASSWORD);
        IssuedCredential service =
                credentials.issue("it", Subject.service(BrokerAccess.INGEST), CredentialKind.MQTT_PASSWORD);
        Path access = Files.createDirectories(folder.resolve("access"));
        MosquittoAccessFiles.write(access, BrokerAccounts.load(db.dataSource()));
        mosquitto = MosquittoProcess.startWithAccessFiles(folder, access);
        sync = AccessSync.start(db.dataSource(), Duration.ofHours(1), accounts -> {
            MosquittoAccessFiles.write(access, accounts);
            try {
                mosquitto.reload();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(service.identity());
        options.setPassword(service.secret().getBytes(StandardCharsets.UTF_8));
        // As the stream jobs read: a shared subscription.
        ingest = TestSubscriber.connect(mosquitto.url(), "ingest-it", options, "$share/it/mycity/v1/+/+/up");
    }

    @AfterAll
    static void stop() throws Exception {
        if (sync != null) {
            sync.close();
        }
        if (ingest != null) {
            ingest.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void a_gateway_publishes_under_its_own_topic() throws Exception {
        Run run = publish(gatewayA, "mycity/v1/north/ga/up", "own-topic");

        assertThat(run.code()).as(run.output()).isZero();
        assertThat(receivedUntil("own-topic")).contains("mycity/v1/north/ga/up own-topic");
    }

    @Test
    void a_gateway_cannot_publish_as_another_gateway() throws Exception {
        publish(gatewayA, "mycity/v1/north/gb/up", "forged");
        publish(gatewayA, "mycity/v1/north/gb/bin-1/up", "forged-device");
        publish(gatewayA, "mycity/v1/north/ga/up", "marker");

        // The marker was published after the forgeries: had either passed, the broker would have delivered it first.
        assertThat(receivedUntil("marker")).noneMatch(m -> m.contains("forged"));
    }

    @Test
    void a_gateway_cannot_read_the_uplinks() throws Exception {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(gatewayB.identity());
        options.setPassword(gatewayB.secret().getBytes(StandardCharsets.UTF_8));
        try (TestSubscriber nosy = TestSubscriber.connect(mosquitto.url(), "nosy-it", options, "mycity/v1/#")) {
            publish(gatewayA, "mycity/v1/north/ga/up", "not-for-gateways");

            receivedUntil("not-for-gateways");
            // Delivered to the ingest service by now; Mosquitto checks each delivery against the reader's ACL.
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> !nosy.texts()
                    .contains("not-for-gateways"));
        }
    }

    @Test
    void a_wrong_password_is_refused() throws Exception {
        Run run = publish(
                new IssuedCredential(0, gatewayA.subject(), gatewayA.kind(), gatewayA.identity(), "not-the-secret"),
                "mycity/v1/north/ga/up",
                "x");

        assertThat(run.code()).isNotZero();
        assertThat(run.output()).containsIgnoringCase("not authori");
    }

    @Test
    void a_revoked_or_rotated_credential_is_refused_after_a_reload_without_a_restart() throws Exception {
        Subject c = Subject.gateway("north", "gb");
        IssuedCredential first = credentials.issue("it", c, CredentialKind.MQTT_PASSWORD);
        rewriteAndReload();
        assertThat(publish(first, "mycity/v1/north/gb/up", "first").code()).isZero();

        IssuedCredential rotated = credentials.issue("it", c, CredentialKind.MQTT_PASSWORD);
        rewriteAndReload();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        publish(first, "mycity/v1/north/gb/up", "old").code())
                .isNotZero());
        assertThat(publish(rotated, "mycity/v1/north/gb/up", "rotated").code()).isZero();
        credentials.revoke("it", "north", rotated.id());
        rewriteAndReload();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        publish(rotated, "mycity/v1/north/gb/up", "revoked").code())
                .isNotZero());
    }

    /** What the ingest service received, as "topic text", once the marker has arrived. */
    private static List<String> receivedUntil(String marker) {
        await().atMost(Duration.ofSeconds(10)).until(() -> ingest.texts().contains(marker));
        return ingest.messages().stream().map(m -> m.topic() + " " + m.text()).toList();
    }

    private static void rewriteAndReload() {
        assertThat(sync.applyIfChanged()).as("the credentials changed").isTrue();
        assertThat(sync.applyIfChanged()).as("nothing changed since").isFalse();
    }

    private record Run(int code, String output) {}

    private static Run publish(IssuedCredential as, String topic, String message) throws Exception {
        return command(
                "mosquitto_pub",
                "-V",
                "mqttv5",
                "-q",
                "1",
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(mosquitto.port()),
                "-u",
                as.identity(),
                "-P",
                as.secret(),
                "-t",
                topic,
                "-m",
                message);
    }

    private static Run command(String... command) throws Exception {
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command)))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
