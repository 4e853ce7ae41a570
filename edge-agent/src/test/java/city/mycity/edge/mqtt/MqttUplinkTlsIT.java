package city.mycity.edge.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import city.mycity.embedded.MosquittoProcess;
import city.mycity.reading.DeviceAddress;
import city.mycity.reading.UplinkTopic;
import city.mycity.testkit.TestCertificates;
import city.mycity.testkit.TestSubscriber;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's uplink over TLS to a real Mosquitto whose certificate a council CA signed: the agent trusts that CA
 * (its PEM file), checks the broker's name, and logs in with credentials of its own. A broker signed by another CA, or
 * a wrong password, gets no reading.
 */
class MqttUplinkTlsIT {

    @TempDir
    static Path dir;

    private static TestCertificates certificates;
    private static MosquittoProcess broker;

    @BeforeAll
    static void tlsBroker() throws Exception {
        assumeThat(MosquittoProcess.available() && TestCertificates.available())
                .as("mosquitto and openssl installed (.ci/run installs them)")
                .isTrue();
        certificates = TestCertificates.create(dir.resolve("pki"));
        broker = MosquittoProcess.start(
                dir, new MosquittoProcess.Tls(certificates.serverCertificate(), certificates.serverKey()));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    private static MqttUplinkOptions options(String password, Path caFile) {
        return new MqttUplinkOptions(
                broker.url(),
                broker.username(),
                password.toCharArray(),
                "gw-tls-" + System.nanoTime(),
                16,
                Duration.ofSeconds(5),
                Duration.ofSeconds(1),
                caFile);
    }

    @Test
    void publishes_over_tls_to_a_broker_the_council_ca_signed() throws Exception {
        MqttConnectionOptions subscriberOptions = new MqttConnectionOptions();
        subscriberOptions.setUserName(broker.username());
        subscriberOptions.setPassword(broker.password().getBytes(StandardCharsets.UTF_8));
        subscriberOptions.setSocketFactory(BrokerTrust.trusting(certificates.authority()));
        DeviceAddress address = new DeviceAddress("town", "gw-1", "ws-0001");
        byte[] senml = "[{\"bn\":\"urn:dev:town:ws-0001:\",\"n\":\"flow\",\"v\":3}]".getBytes(StandardCharsets.UTF_8);
        try (TestSubscriber subscriber =
                        TestSubscriber.connect(broker.url(), "it-sub-tls", subscriberOptions, UplinkTopic.of(address));
                MqttUplinkPublisher publisher =
                        new MqttUplinkPublisher(options(broker.password(), certificates.authority()))) {
            publisher.start();
            await().atMost(Duration.ofSeconds(20)).until(publisher::isConnected);

            publisher.publish(address, senml).toCompletableFuture().get(10, TimeUnit.SECONDS);

            assertThat(subscriber.awaitCount(1).get(0).text()).isEqualTo(new String(senml, StandardCharsets.UTF_8));
        }
    }

    @Test
    void does_not_connect_to_a_broker_another_ca_signed() {
        try (MqttUplinkPublisher publisher =
                new MqttUplinkPublisher(options(broker.password(), certificates.otherAuthority()))) {
            publisher.start();

            // The agent refuses the broker's certificate and says so with a TLS alert, which Mosquitto logs.
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> broker.log().orElse("").contains("OpenSSL Error"));
            assertThat(broker.log().orElse(""))
                    .containsPattern("alert (certificate unknown|unknown ca|bad certificate)");
            assertThat(publisher.isConnected()).isFalse();
        }
    }

    @Test
    void does_not_connect_to_a_broker_whose_certificate_names_another_host() throws Exception {
        try (MosquittoProcess elsewhere = MosquittoProcess.start(
                        dir,
                        new MosquittoProcess.Tls(certificates.elsewhereCertificate(), certificates.elsewhereKey()));
                MqttUplinkPublisher publisher = new MqttUplinkPublisher(new MqttUplinkOptions(
                        elsewhere.url(),
                        elsewhere.username(),
                        elsewhere.password().toCharArray(),
                        "gw-tls-elsewhere",
                        16,
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(1),
                        certificates.authority()))) {
            publisher.start();

            // Signed by the trusted CA, but for broker.elsewhere.example, not 127.0.0.1: the agent hangs up.
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> elsewhere.log().orElse("").contains("OpenSSL Error"));
            assertThat(publisher.isConnected()).isFalse();
        }
    }

    @Test
    void does_not_connect_with_a_wrong_password() {
        try (MqttUplinkPublisher publisher =
                new MqttUplinkPublisher(options("not the password", certificates.authority()))) {
            publisher.start();

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> broker.log().orElse("").contains("not authorised"));
            assertThat(publisher.isConnected()).isFalse();
        }
    }

    @Test
    void refuses_a_ca_file_without_certificates() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");

        assertThatThrownBy(() -> new MqttUplinkPublisher(options(broker.password(), empty)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds no certificate");
    }
}
