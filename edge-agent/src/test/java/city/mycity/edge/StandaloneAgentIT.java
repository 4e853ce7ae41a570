package city.mycity.edge;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.reading.SenmlPack;
import city.mycity.reading.UplinkTopic;
import city.mycity.testkit.TestBroker;
import city.mycity.testkit.TestSubscriber;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent as a gateway runs it: the standalone jar in a JVM of its own ({@code java -Xmx64m -jar}), its settings
 * from a file with the environment over it, a sensor posting over DTLS with libcoap's {@code coap-client-openssl}, a
 * real broker, and {@code /health} over HTTP.
 */
class StandaloneAgentIT {

    private static final Pattern COAP_PORT = Pattern.compile("listening on coaps://127\\.0\\.0\\.1:(\\d+)/up");
    private static final Pattern METRICS_PORT = Pattern.compile("Metrics at http://127\\.0\\.0\\.1:(\\d+)/metrics");
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

    private static Path standaloneJar() throws Exception {
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            return jars.filter(p -> p.getFileName().toString().endsWith("-standalone.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no target/*-standalone.jar: run mvn package first"));
        }
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
                        "mycity.edge.device-keys=" + keys,
                        "mycity.edge.outbox=" + dir.resolve("outbox.db"),
                        "mycity.mqtt.url=tcp://127.0.0.1:1"));
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx64m",
                        "-jar",
                        standaloneJar().toString(),
                        "--config=" + config))
                .redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        // The environment wins over the file: the gateway and the broker come from here.
        environment.put("MYCITY_EDGE_GATEWAY", "gw-z-a1");
        environment.put("MYCITY_MQTT_URL", broker.url());
        environment.put("MYCITY_MQTT_USERNAME", broker.username());
        environment.put("MYCITY_MQTT_PASSWORD", broker.password());
        long began = System.nanoTime();
        Process agent = builder.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException ignored) {
                // The agent stopped.
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            int metricsPort = Integer.parseInt(awaitLine(lines, METRICS_PORT).group(1));
            int coapPort = Integer.parseInt(awaitLine(lines, COAP_PORT).group(1));
            System.out.printf(
                    "StandaloneAgentIT: listening %d ms after the JVM started%n",
                    (System.nanoTime() - began) / 1_000_000);

            Process sensor = new ProcessBuilder(List.of(
                            "/usr/bin/coap-client-openssl",
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
        } finally {
            agent.destroy();
            assertThat(agent.waitFor(20, TimeUnit.SECONDS))
                    .as("the agent stops on SIGTERM")
                    .isTrue();
        }
    }

    private static Matcher awaitLine(BlockingQueue<String> lines, Pattern pattern) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    return matcher;
                }
            }
        }
        throw new AssertionError("The agent never printed a line matching " + pattern);
    }

    private static String residentMemory(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .findFirst()
                .orElse("VmRSS: unknown")
                .replaceAll("\\s+", " ");
    }
}
