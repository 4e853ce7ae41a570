package city.mycity.edge;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.edge.standalone.StandaloneAgent;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.UplinkTopic;
import city.mycity.testkit.TestBroker;
import city.mycity.testkit.TestSubscriber;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent as a gateway runs it: the standalone jar in a JVM of its own ({@code java -Xmx48m -jar}), its settings
 * from a file with the environment over it, a sensor posting over DTLS with libcoap's {@code coap-client-openssl}, a
 * real broker, and {@code /health} over HTTP.
 */
class StandaloneAgentIT {

    private static final String KEY = "the key of bay 00001";

    private static TestBroker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void broker() {
        broker = TestBroker.create();
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
    }

    @Test
    void the_standalone_jar_reads_its_settings_file_forwards_a_dtls_sensor_and_answers_health() throws Exception {
        String tenant = broker.tenant();
        TestSubscriber packs = broker.subscriber(UplinkTopic.ROOT + "/" + tenant + "/+/" + UplinkTopic.UP);
        Path keys = Files.writeString(dir.resolve("device-keys.conf"), "bay-00001 = text:" + KEY + "\n");
        Path config = Files.writeString(
                dir.resolve("edge.properties"),
                String.join(
                        "\n",
                        "mycity.edge.tenant=" + tenant,
                        "mycity.edge.gateway=gw-from-file",
                        "mycity.coap.port=0",
                        "mycity.metrics.port=0",
                        // Only the sensors' readings: the gateway's own health is TelemetryIT's.
                        "mycity.edge.telemetry-interval=0",
                        "mycity.edge.device-keys=" + keys,
                        "mycity.edge.outbox=" + dir.resolve("outbox.db"),
                        "mycity.mqtt.url=tcp://127.0.0.1:1"));
        // The environment wins over the file: the gateway and the broker come from here.
        Map<String, String> environment = Map.of(
                "MYCITY_EDGE_GATEWAY", "gw-z-a1",
                "MYCITY_MQTT_URL", broker.url(),
                "MYCITY_MQTT_USERNAME", broker.username(),
                "MYCITY_MQTT_PASSWORD", broker.password());
        long began = System.nanoTime();
        try (StandaloneAgent agent = StandaloneAgent.start(config, environment)) {
            int metricsPort = agent.metricsPort();
            int coapPort = agent.coapPort();
            System.out.printf(
                    "StandaloneAgentIT: listening %d ms after the JVM started%n",
                    (System.nanoTime() - began) / 1_000_000);

            Process sensor = new ProcessBuilder(List.of(
                            LibCoap.client(),
                            "-m",
                            "post",
                            "-t",
                            "110",
                            "-u",
                            "bay-00001",
                            "-k",
                            KEY,
                            "-B",
                            "5",
                            "-e",
                            "[{\"bn\":\"" + SenmlPack.baseNameOf(tenant, "bay-00001")
                                    + "\",\"bt\":1700000000,\"n\":\"occupied\",\"u\":\"/\",\"v\":1}]",
                            "coaps://127.0.0.1:" + coapPort + "/up/bay-00001"))
                    .redirectErrorStream(true)
                    .start();
            assertThat(sensor.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(sensor.exitValue()).isZero();

            assertThat(packs.awaitCount(1, Duration.ofSeconds(30)).get(0).topic())
                    .isEqualTo("mycity/v1/" + tenant + "/gw-z-a1/up");
            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).startsWith("{\"status\":\"up\"").contains("\"dtls\":true");
            System.out.printf("StandaloneAgentIT: %s, %s%n", health.body(), residentMemory(agent.pid()));
            assertThat(agent.stop()).as("the agent stops on SIGTERM").isTrue();
        }
    }

    private static String residentMemory(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .findFirst()
                .orElse("VmRSS: unknown")
                .replaceAll("\\s+", " ");
    }
}
