package city.mycity.gateway.brokeraccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import city.mycity.embedded.AccessControl;
import city.mycity.embedded.EmbeddedBroker;
import city.mycity.gateway.credentials.CredentialKind;
import city.mycity.gateway.credentials.Credentials;
import city.mycity.gateway.credentials.IssuedCredential;
import city.mycity.gateway.credentials.Subject;
import city.mycity.testkit.TestDatabase;
import city.mycity.testkit.TestSubscriber;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded HiveMQ CE with the registry's access (its extension asking {@link LiveAccess}): the same rules as the
 * real Mosquitto's files, and a revocation that takes effect at the client's next packet.
 */
class EmbeddedBrokerAccessIT {

    private static TestDatabase db;
    private static Credentials credentials;
    private static EmbeddedBroker broker;
    private static AccessSync sync;
    private static TestSubscriber ingest;
    private static IssuedCredential gatewayA;

    @BeforeAll
    static void brokerWithTheRegistrysAccess() throws SQLException {
        db = TestDatabase.create().migrated();
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO tenant VALUES ('north', 'North'); INSERT INTO gateway (tenant_id, id, zone_id,"
                    + " latitude, longitude) VALUES ('north', 'ga', 'z1', 52.5, -1.5), ('north', 'gb', 'z1', 52.5,"
                    + " -1.5)");
        }
        credentials = new Credentials(db.dataSource());
        gatewayA = credentials.issue("it", Subject.gateway("north", "ga"), CredentialKind.MQTT_PASSWORD);
        IssuedCredential service =
                credentials.issue("it", Subject.service(BrokerAccess.INGEST), CredentialKind.MQTT_PASSWORD);
        LiveAccess live = new LiveAccess();
        sync = AccessSync.start(db.dataSource(), Duration.ofHours(1), live);
        broker = EmbeddedBroker.builder()
                .accessControl(AccessControl.of(live::authenticate, live::mayPublish, live::maySubscribe))
                .start();
        ingest = TestSubscriber.connect(broker.url(), "ingest-it", options(service), "$share/it/mycity/v1/+/+/up");
    }

    @AfterAll
    static void stop() throws Exception {
        ingest.close();
        broker.close();
        sync.close();
        db.close();
    }

    @Test
    void a_gateway_publishes_under_its_own_topic_and_not_as_another() throws MqttException {
        try (Client a = new Client(gatewayA)) {
            a.tryPublish("mycity/v1/north/gb/up", "forged");
            // HiveMQ answers a publish on a topic that is not the account's by disconnecting the client.
            await().atMost(Duration.ofSeconds(10)).until(() -> !a.client.isConnected());
        }
        try (Client a = new Client(gatewayA)) {
            assertThat(a.publish("mycity/v1/north/ga/up", "marker")).isZero();
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> ingest.texts().contains("marker"));
        assertThat(ingest.texts()).doesNotContain("forged");
    }

    @Test
    void a_gateway_cannot_read_the_uplinks_and_a_wrong_password_cannot_connect() throws MqttException {
        try (Client a = new Client(gatewayA)) {
            IMqttToken subscribed = a.client.subscribe(new String[] {"mycity/v1/+/+/up"}, new int[] {1});
            assertThat(subscribed.getReasonCodes()).containsExactly(135);
        }
        IssuedCredential wrong =
                new IssuedCredential(0, gatewayA.subject(), gatewayA.kind(), gatewayA.identity(), "not-the-secret");
        assertThatThrownBy(() -> new Client(wrong)).isInstanceOf(MqttException.class);
    }

    @Test
    void a_revoked_credential_is_refused_at_the_next_publish_without_a_restart() throws MqttException {
        IssuedCredential b = credentials.issue("it", Subject.gateway("north", "gb"), CredentialKind.MQTT_PASSWORD);
        sync.applyIfChanged();
        try (Client connected = new Client(b)) {
            assertThat(connected.publish("mycity/v1/north/gb/up", "before")).isZero();

            credentials.revoke("it", "north", b.id());
            sync.applyIfChanged();

            connected.tryPublish("mycity/v1/north/gb/up", "after-revocation");
            await().atMost(Duration.ofSeconds(10)).until(() -> !connected.client.isConnected());
        }
        try (Client a = new Client(gatewayA)) {
            a.publish("mycity/v1/north/ga/up", "marker-2");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> ingest.texts().contains("marker-2"));
        assertThat(ingest.texts()).contains("before").doesNotContain("after-revocation");
        assertThatThrownBy(() -> new Client(b)).isInstanceOf(MqttException.class);
    }

    @Test
    void a_reader_whose_password_was_replaced_receives_nothing_more_on_its_subscriptions() throws Exception {
        TestSubscriber replaced = ingest;
        IssuedCredential rotated =
                credentials.issue("it", Subject.service(BrokerAccess.INGEST), CredentialKind.MQTT_PASSWORD);
        sync.applyIfChanged();
        // The class's reader from now on: the old one stays connected, with the password that was replaced.
        ingest = TestSubscriber.connect(broker.url(), "ingest-it-rotated", options(rotated), "mycity/v1/+/+/up");
        try (replaced;
                Client a = new Client(gatewayA)) {
            a.publish("mycity/v1/north/ga/up", "after-rotation");

            await().atMost(Duration.ofSeconds(10)).until(() -> ingest.texts().contains("after-rotation"));
            assertThat(replaced.texts()).doesNotContain("after-rotation");
        }
    }

    /** A Paho client logged in with a credential. */
    private static final class Client implements AutoCloseable {
        final MqttClient client;

        Client(IssuedCredential as) throws MqttException {
            client = new MqttClient(broker.url(), "it-" + UUID.randomUUID(), new MemoryPersistence());
            // Bounded: a client the broker has just disconnected may never be answered.
            client.setTimeToWait(10_000);
            client.connect(options(as));
        }

        /** The PUBACK's reason code (0: success). */
        int publish(String topic, String text) throws MqttException {
            MqttMessage message = new MqttMessage(text.getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            IMqttToken token = client.getTopic(topic).publish(message);
            token.waitForCompletion(10_000);
            int[] codes = token.getReasonCodes();
            return codes == null || codes.length == 0 ? 0 : codes[0];
        }

        /** Publishes where the broker may refuse: whatever the broker answers is for the caller to observe. */
        void tryPublish(String topic, String text) {
            try {
                publish(topic, text);
            } catch (MqttException refused) {
                // The broker disconnected the client: observed through isConnected().
            }
        }

        @Override
        public void close() throws MqttException {
            if (client.isConnected()) {
                client.disconnectForcibly(1_000, 1_000);
            }
            client.close(true);
        }
    }

    private static MqttConnectionOptions options(IssuedCredential as) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(as.identity());
        options.setPassword(as.secret().getBytes(StandardCharsets.UTF_8));
        return options;
    }
}
