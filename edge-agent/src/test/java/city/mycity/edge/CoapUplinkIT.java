package city.mycity.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.mycity.codec.ContentFormats;
import city.mycity.codec.DeviceProfile;
import city.mycity.codec.DeviceProfiles;
import city.mycity.codec.PayloadDecoders;
import city.mycity.codec.bayframe.BayFrame;
import city.mycity.codec.ultrasonic.BinFrame;
import city.mycity.edge.exception.UplinkUnavailableException;
import city.mycity.reading.ResolvedRecord;
import city.mycity.reading.SenmlCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CoAP adapter against a real Californium client, with an in-memory publisher the test acknowledges. */
class CoapUplinkIT {

    private static final byte[] SENML = ("[{\"bn\":\"urn:dev:mycity:demo-town:bay-00001:\",\"bt\":1700000000,"
                    + "\"n\":\"occupied\",\"u\":\"/\",\"v\":1}]")
            .getBytes(StandardCharsets.UTF_8);

    private final InMemoryPublisher publisher = new InMemoryPublisher();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private EdgeAgent agent;
    private TestCoapClient coap;

    @BeforeEach
    void start() {
        agent = EdgeAgent.builder()
                .plainCoap(true)
                .tenant("demo-town")
                .gatewayOf(device -> device.startsWith("bay-") || device.startsWith("bin-") ? "gw-z-a1" : null)
                .coapHost("127.0.0.1")
                .coapPort(0)
                .decoders(PayloadDecoders.withProfiles(
                        DeviceProfiles.of(Map.of("bin-00017", DeviceProfile.parse("ultrasonic-bin depth-mm=1000")))))
                .maxPayloadBytes(1000)
                .publishTimeout(Duration.ofSeconds(10))
                .publisher(publisher)
                .meterRegistry(registry)
                .build()
                .start();
        coap = new TestCoapClient(agent.coapPort());
    }

    @AfterEach
    void stop() {
        coap.close();
        agent.close();
    }

    @Test
    void binds_a_free_port_when_asked_for_port_zero() {
        assertThat(agent.coapPort()).isPositive().isNotEqualTo(5683);
    }

    @Test
    void listens_on_loopback_only_unless_told_otherwise() {
        try (EdgeAgent byDefault = EdgeAgent.builder()
                .plainCoap(true)
                .tenant("demo-town")
                .gateway("gw-z-a1")
                .coapPort(0)
                .publisher(new InMemoryPublisher())
                .meterRegistry(registry)
                .build()
                .start()) {
            assertThat(byDefault.coapAddress().getAddress().isLoopbackAddress()).isTrue();
        }
    }

    @Test
    void answers_changed_only_after_the_platform_acknowledged() {
        publisher.holdAcknowledgements();

        CompletableFuture<CoapResponse> answer = coap.postAsync("/up/bay-00001", SENML, 110);

        await().atMost(Duration.ofSeconds(10)).until(() -> publisher.published().size() == 1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !answer.isDone());
        publisher.acknowledgeAll();
        CoapResponse response = await().atMost(Duration.ofSeconds(10)).until(() -> answer.getNow(null), r -> r != null);
        assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
        // Packing is on by default: the reading went up in its gateway's pack.
        assertThat(publisher.published().get(0).topic()).isEqualTo("mycity/v1/demo-town/gw-z-a1/up");
    }

    @Test
    void forwards_a_vendor_frame_as_senml_json() {
        CoapResponse response = coap.post("/up/bay-00007", new BayFrame(false, 1_700_000_000L, 1).toBytes(), 65001);

        assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
        assertThat(SenmlCodec.json()
                        .decode(publisher.published().get(0).senml())
                        .pack()
                        .resolve())
                .extracting(ResolvedRecord::name)
                .containsExactly("urn:dev:mycity:demo-town:bay-00007:occupied");
    }

    @Test
    void forwards_a_frame_read_by_the_codec_of_the_devices_profile() {
        byte[] frame = BinFrame.of(1_700_000_000L, 3, 250, 80, 12).toBytes();

        CoapResponse response = coap.post("/up/bin-00017", frame, ContentFormats.OCTET_STREAM);

        assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
        assertThat(SenmlCodec.json()
                        .decode(publisher.published().get(0).senml())
                        .pack()
                        .resolve())
                .extracting(ResolvedRecord::name, ResolvedRecord::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("urn:dev:mycity:demo-town:bin-00017:fill", 75.0),
                        org.assertj.core.groups.Tuple.tuple("urn:dev:mycity:demo-town:bin-00017:battery", 80.0),
                        org.assertj.core.groups.Tuple.tuple("urn:dev:mycity:demo-town:bin-00017:temperature", 12.0));
    }

    @Test
    void answers_not_found_to_a_frame_of_a_device_without_a_profile() {
        byte[] frame = BinFrame.of(1_700_000_000L, 3, 250, 80, 12).toBytes();

        CoapResponse response = coap.post("/up/bin-00018", frame, ContentFormats.OCTET_STREAM);

        assertThat(response.getCode()).isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(response.getResponseText()).contains("no profile");
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void answers_request_entity_too_large_to_a_payload_over_the_limit() {
        byte[] big = new byte[1500];
        java.util.Arrays.fill(big, (byte) ' ');

        CoapResponse response = coap.post("/up/bay-00001", big, 110);

        assertThat(response.getCode()).isEqualTo(ResponseCode.REQUEST_ENTITY_TOO_LARGE);
        assertThat(publisher.published()).isEmpty();
        assertThat(registry.get("mycity.readings.refused")
                        .tag("reason", "oversized")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void answers_unsupported_content_format_to_text_or_no_format() {
        assertThat(coap.post("/up/bay-00001", SENML, 0).getCode()).isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
        assertThat(coap.post("/up/bay-00001", SENML, -1).getCode()).isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
    }

    @Test
    void answers_bad_request_to_an_invalid_device_or_an_unreadable_payload() {
        CoapResponse invalid = coap.post("/up/BAY-1", SENML, 110);
        CoapResponse unreadable = coap.post("/up/bay-00001", "occupied=1".getBytes(StandardCharsets.UTF_8), 110);

        assertThat(invalid.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(invalid.getResponseText()).contains("BAY-1");
        assertThat(unreadable.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(unreadable.getResponseText()).contains("not JSON");
    }

    @Test
    void answers_not_found_to_a_device_without_gateway_or_a_wrong_path() {
        assertThat(coap.post("/up/lamp-00001", SENML, 110).getCode()).isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(coap.post("/up", SENML, 110).getCode()).isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(coap.post("/up/bay-00001/extra", SENML, 110).getCode()).isEqualTo(ResponseCode.NOT_FOUND);
    }

    @Test
    void answers_method_not_allowed_to_anything_but_post() {
        assertThat(coap.get("/up/bay-00001").getCode()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
    }

    @Test
    void answers_service_unavailable_with_a_retry_hint_when_the_publish_fails() {
        publisher.failWith(new UplinkUnavailableException("not connected to the MQTT broker"));

        CoapResponse response = coap.post("/up/bay-00001", SENML, 110);

        assertThat(response.getCode()).isEqualTo(ResponseCode.SERVICE_UNAVAILABLE);
        assertThat(response.getOptions().getMaxAge()).isEqualTo(5L);
        assertThat(registry.get("mycity.messages.failed").counter().count()).isEqualTo(1);
    }
}
