package city.mycity.gateway.refusals;

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
import city.mycity.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Edge refusals reach the refusal store through the broker, as a gateway reports them and only for itself. */
class EdgeRefusalCollectorIT {

    private static TestDatabase db;
    private static EmbeddedBroker broker;
    private static AccessSync sync;
    private static EdgeRefusalCollector collector;
    private static IssuedCredential gateway;

    @BeforeAll
    static void collectorOnABrokerWithTheRegistrysAccess() throws Exception {
        db = TestDatabase.create().migrated();
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO tenant VALUES ('north', 'North'); INSERT INTO gateway (tenant_id, id, zone_id,"
                    + " latitude, longitude) VALUES ('north', 'ga', 'z1', 52.5, -1.5), ('north', 'gb', 'z1', 52.5,"
                    + " -1.5)");
        }
        Credentials credentials = new Credentials(db.dataSource());
        gateway = credentials.issue("it", Subject.gateway("north", "ga"), CredentialKind.MQTT_PASSWORD);
        IssuedCredential ingest =
                credentials.issue("it", Subject.service(BrokerAccess.INGEST), CredentialKind.MQTT_PASSWORD);
        LiveAccess live = new LiveAccess();
        sync = AccessSync.start(db.dataSource(), Duration.ofHours(1), live);
        broker = EmbeddedBroker.builder()
                .accessControl(AccessControl.of(live::authenticate, live::mayPublish, live::maySubscribe))
                .start();
        collector = EdgeRefusalCollector.start(db.dataSource(), broker.url(), ingest.identity(), ingest.secret());
    }

    @AfterAll
    static void stop() throws Exception {
        collector.close();
        broker.close();
        sync.close();
        db.close();
    }

    @Test
    void a_gateways_refusal_lands_in_the_store_with_its_device_reason_and_bytes() throws Exception {
        publish("mycity/v1/north/ga/refused", report("bay-1", "malformed_payload", "{not senml"));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> column("SELECT device_id || ' ' || reason || ' ' || details[1] FROM refusal")
                        .contains("bay-1 malformed_payload at the edge: unreadable"));
        assertThat(column("SELECT convert_from(payload, 'UTF8') FROM refused_message"))
                .contains("{not senml");
    }

    @Test
    void a_gateway_cannot_report_for_another_and_junk_stops_nothing() throws Exception {
        publish("mycity/v1/north/ga/refused", "not json at all".getBytes(StandardCharsets.UTF_8));
        try {
            publish("mycity/v1/north/gb/refused", report("bay-9", "oversized", "forged"));
        } catch (MqttException refused) {
            // The broker disconnects a gateway that publishes on another's topic.
        }
        publish("mycity/v1/north/ga/refused", report("bay-2", "unknown_device", "after the junk"));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> column("SELECT device_id FROM refusal").contains("bay-2"));
        assertThat(column("SELECT device_id FROM refusal")).doesNotContain("bay-9");
    }

    private static byte[] report(String device, String reason, String bytes) {
        return ("{\"device\":\"" + device + "\",\"reason\":\"" + reason + "\",\"detail\":\"unreadable\","
                        + "\"contentFormat\":110,\"payload\":\""
                        + Base64.getEncoder().encodeToString(bytes.getBytes(StandardCharsets.UTF_8))
                        + "\",\"at\":\"2026-11-30T12:00:00Z\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void publish(String topic, byte[] payload) throws MqttException {
        MqttClient client = new MqttClient(broker.url(), "edge-it-" + UUID.randomUUID(), new MemoryPersistence());
        // Bounded: a gateway the broker has just disconnected (another's topic) is never answered.
        client.setTimeToWait(10_000);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(gateway.identity());
        options.setPassword(gateway.secret().getBytes(StandardCharsets.UTF_8));
        client.connect(options);
        try {
            MqttMessage message = new MqttMessage(payload);
            message.setQos(1);
            client.publish(topic, message);
        } finally {
            if (client.isConnected()) {
                client.disconnectForcibly(1_000, 1_000);
            }
            client.close(true);
        }
    }

    private static List<String> column(String sql) throws SQLException {
        return db.column(sql);
    }
}
