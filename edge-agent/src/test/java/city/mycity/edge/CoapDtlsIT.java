package city.mycity.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.mycity.edge.security.DeviceKeys;
import city.mycity.reading.SenmlPack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CoAP over DTLS 1.2 with a pre-shared key per sensor, against a real peer: libcoap's {@code coap-client-openssl}
 * (Debian {@code libcoap3-bin}, which {@code .ci/run} installs), run as a separate process.
 */
class CoapDtlsIT {

    private static final String KEY = "the key of bay 00001";

    private final InMemoryPublisher publisher = new InMemoryPublisher();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private EdgeAgent agent;

    @BeforeEach
    void start() {
        agent = EdgeAgent.builder()
                .tenant("demo-town")
                .gateway("gw-z-a1")
                // The gateway's own health readings are TelemetryIT's; here only the sensors' count.
                .telemetryInterval(Duration.ZERO)
                .coapHost("127.0.0.1")
                .coapPort(0)
                .deviceKeys(DeviceKeys.of(Map.of(
                        "bay-00001", KEY.getBytes(StandardCharsets.UTF_8),
                        "bay-00002", "the key of bay 00002".getBytes(StandardCharsets.UTF_8))))
                .publisher(publisher)
                .meterRegistry(meters)
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    private record Answer(int exit, String output) {}

    /** Posts SenML for {@code device} as {@code identity} with {@code key}, as a sensor would. */
    private Answer post(String device, String identity, String key) throws IOException, InterruptedException {
        String senml = "[{\"bn\":\"" + SenmlPack.baseNameOf("demo-town", device)
                + "\",\"bt\":1700000000,\"n\":\"occupied\",\"u\":\"/\",\"v\":1}]";
        Process client = new ProcessBuilder(List.of(
                        LibCoap.client(),
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
                        "-e",
                        senml,
                        "coaps://127.0.0.1:" + agent.coapPort() + "/up/" + device))
                .redirectErrorStream(true)
                .start();
        assertThat(client.waitFor(20, TimeUnit.SECONDS))
                .as("coap-client finished")
                .isTrue();
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Answer(client.exitValue(), output);
    }

    @Test
    void a_sensor_with_the_right_key_is_answered_and_its_reading_forwarded() throws Exception {
        Answer answer = post("bay-00001", "bay-00001", KEY);

        assertThat(answer.exit()).as(answer.output()).isZero();
        assertThat(answer.output()).doesNotContain("4.").doesNotContain("5.");
        assertThat(publisher.published()).hasSize(1);
        assertThat(new String(publisher.published().get(0).senml(), StandardCharsets.UTF_8))
                .contains("urn:dev:mycity:demo-town:bay-00001:");
        assertThat(handshakes("completed")).isEqualTo(1);
    }

    @Test
    void a_sensor_with_a_wrong_key_fails_the_handshake_and_nothing_is_forwarded() throws Exception {
        Answer answer = post("bay-00001", "bay-00001", "not the key of bay 00001");

        assertThat(answer.output()).doesNotContain("2.04");
        assertNothingPublishedFor(Duration.ofSeconds(1));
    }

    @Test
    void a_sensor_without_a_key_fails_the_handshake() throws Exception {
        Answer answer = post("bay-00003", "bay-00003", "a key nobody gave this sensor");

        assertThat(answer.output()).doesNotContain("2.04");
        assertNothingPublishedFor(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(handshakes("failed"))
                .as("the attempt is counted")
                .isPositive());
        assertThat(handshakes("completed")).isZero();
    }

    @Test
    void an_authenticated_sensor_may_post_only_as_itself() throws Exception {
        Answer answer = post("bay-00002", "bay-00001", KEY);

        assertThat(answer.output()).contains("4.03");
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void plain_coap_gets_no_answer_from_a_dtls_port() throws Exception {
        Process client = new ProcessBuilder(List.of(
                        LibCoap.client(),
                        "-m",
                        "post",
                        "-t",
                        "110",
                        "-B",
                        "2",
                        "-e",
                        "[]",
                        "coap://127.0.0.1:" + agent.coapPort() + "/up/bay-00001"))
                .redirectErrorStream(true)
                .start();
        assertThat(client.waitFor(20, TimeUnit.SECONDS)).isTrue();

        assertThat(new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .doesNotContain("2.04")
                .doesNotContain("4.0");
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void keys_rotated_and_revoked_in_the_keys_file_take_effect_without_a_restart(@TempDir Path folder)
            throws Exception {
        agent.close();
        Path file = folder.resolve("device-keys.conf");
        Files.writeString(file, "bay-00001 = text:" + KEY + "\nbay-00002 = text:the key of bay 00002\n");
        agent = EdgeAgent.builder()
                .tenant("demo-town")
                .gateway("gw-z-a1")
                .telemetryInterval(Duration.ZERO)
                .coapHost("127.0.0.1")
                .coapPort(0)
                .deviceKeysFile(file)
                .keysReload(Duration.ofMillis(200))
                .publisher(publisher)
                .meterRegistry(meters)
                .build()
                .start();
        assertThat(post("bay-00001", "bay-00001", KEY).output())
                .doesNotContain("4.")
                .doesNotContain("5.");

        // bay-00001 rotated to a new key, bay-00002 revoked, bay-00003 new: as an export from the registry writes it.
        Files.writeString(file, "bay-00001 = text:the new key of bay 00001\nbay-00003 = text:the key of bay 00003\n");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        post("bay-00003", "bay-00003", "the key of bay 00003").exit())
                .isZero());
        assertThat(post("bay-00001", "bay-00001", "the new key of bay 00001").exit())
                .isZero();
        int forwarded = publisher.published().size();
        assertThat(post("bay-00001", "bay-00001", KEY).output()).doesNotContain("2.04");
        assertThat(post("bay-00002", "bay-00002", "the key of bay 00002").output())
                .doesNotContain("2.04");
        assertThat(publisher.published()).hasSize(forwarded);
    }

    /** Nothing is published, and nothing is for a while: a forwarded reading would have arrived by then. */
    private void assertNothingPublishedFor(Duration quiet) {
        org.awaitility.Awaitility.await()
                .during(quiet)
                .atMost(quiet.plusSeconds(5))
                .until(() -> publisher.published().isEmpty());
    }

    private double handshakes(String result) {
        return meters.counter("mycity.edge.handshakes", "result", result).count();
    }
}
