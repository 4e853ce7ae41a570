package city.mycity.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedBrokerIT {

    private static EmbeddedBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.builder().user("sensor", "s3cret").start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void reports_its_port_and_url_on_the_loopback_interface() {
        assertThat(broker.port()).isPositive();
        assertThat(broker.url()).isEqualTo("tcp://127.0.0.1:" + broker.port());
        assertThat(broker.username()).isEqualTo("sensor");
        assertThat(broker.password()).isEqualTo("s3cret");
    }

    @Test
    void delivers_qos1_messages_to_an_authenticated_subscriber() throws MqttException {
        Collector received = new Collector();
        MqttClient subscriber = connect("sub", "s3cret", true, received);
        subscriber.subscribe("it/hello", 1);
        MqttClient publisher = connect("pub", "s3cret", true, new Collector());

        publisher.publish("it/hello", message("hello"));

        await().atMost(Duration.ofSeconds(10)).until(() -> received.payloads.contains("hello"));
        disconnect(publisher, subscriber);
    }

    @Test
    void refuses_a_client_with_a_wrong_password() {
        assertThatThrownBy(() -> connect("intruder", "guess", true, new Collector()))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode())
                        .isEqualTo(134)); // MQTT 5 "Bad User Name or Password"
    }

    @Test
    void keeps_more_than_hivemqs_default_1000_messages_for_a_persistent_session_while_its_client_is_away()
            throws MqttException {
        int count = 2_500;
        MqttClient subscriber = connect("durable", "s3cret", false, new Collector());
        subscriber.subscribe("it/durable", 1);
        subscriber.disconnect();
        subscriber.close();
        MqttClient publisher = connect("burst", "s3cret", true, new Collector());
        for (int i = 0; i < count; i++) {
            publishWithRetry(publisher, "it/durable", message("m" + i));
        }

        Collector received = new Collector();
        MqttClient back = connect("durable", "s3cret", false, received);

        await().atMost(Duration.ofSeconds(30)).until(() -> received.payloads.size() >= count);
        assertThat(received.payloads).hasSize(count).doesNotHaveDuplicates().contains("m0", "m" + (count - 1));
        disconnect(publisher, back);
    }

    @Test
    void keeps_each_brokers_own_users_when_two_run_in_one_jvm() throws MqttException {
        try (EmbeddedBroker other =
                EmbeddedBroker.builder().user("other", "pw-2").start()) {
            MqttClient onOther = connect(other.url(), "other", "other", "pw-2", true);
            MqttClient onFirst = connect("first", "s3cret", true, new Collector());

            assertThat(onOther.isConnected()).isTrue();
            assertThat(onFirst.isConnected()).isTrue();
            assertThatThrownBy(() -> connect(other.url(), "cross", "sensor", "s3cret", true))
                    .isInstanceOf(MqttException.class);
            disconnect(onOther, onFirst);
        }
    }

    @Test
    void uses_a_free_port_when_the_requested_one_is_taken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            try (EmbeddedBroker second =
                    EmbeddedBroker.builder().port(taken.getLocalPort()).start()) {
                assertThat(second.port()).isNotEqualTo(taken.getLocalPort()).isPositive();
            }
        }
    }

    @Test
    void is_secure_by_default_with_a_random_password_and_deletes_its_folder_on_close() throws MqttException {
        Path folder;
        try (EmbeddedBroker secured = EmbeddedBroker.builder().start()) {
            folder = secured.workFolder();
            assertThat(secured.requiresPassword()).isTrue();
            assertThat(secured.username()).isEqualTo(EmbeddedBrokerBuilder.DEFAULT_USER);
            assertThat(secured.password()).hasSizeGreaterThanOrEqualTo(20);
            MqttClient client = connect(secured.url(), "default-user", secured.username(), secured.password(), true);
            assertThat(client.isConnected()).isTrue();
            client.disconnect();
            client.close();
            assertThat(folder).isDirectory();
        }
        assertThat(Files.exists(folder)).isFalse();
    }

    private static MqttClient connect(String id, String password, boolean cleanStart, Collector callback)
            throws MqttException {
        MqttClient client = new MqttClient(broker.url(), id + "-" + UUID.randomUUID(), new MemoryPersistence());
        if (!cleanStart) {
            client = new MqttClient(broker.url(), id, new MemoryPersistence());
        }
        client.setCallback(callback);
        client.connect(options("sensor", password, cleanStart));
        return client;
    }

    private static MqttClient connect(String url, String id, String user, String password, boolean cleanStart)
            throws MqttException {
        MqttClient client = new MqttClient(url, id + "-" + UUID.randomUUID(), new MemoryPersistence());
        client.connect(options(user, password, cleanStart));
        return client;
    }

    private static MqttConnectionOptions options(String user, String password, boolean cleanStart) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(user);
        options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(cleanStart);
        options.setSessionExpiryInterval(cleanStart ? 0L : 3_600L);
        options.setConnectionTimeout(10);
        return options;
    }

    private static MqttMessage message(String text) {
        MqttMessage message = new MqttMessage(text.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        return message;
    }

    /**
     * Paho v5 1.2.5 miscounts messages in flight under a fast synchronous burst and throws "Too many publishes in
     * progress" (32202) though every earlier publish was acknowledged; the message was not sent, so it is sent again.
     */
    private static void publishWithRetry(MqttClient client, String topic, MqttMessage message) throws MqttException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                client.publish(topic, message);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }

    private static void disconnect(MqttClient... clients) throws MqttException {
        for (MqttClient client : clients) {
            client.disconnect();
            client.close();
        }
    }
}
