package city.mycity.edge;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.codec.PayloadDecoders;
import city.mycity.codec.bayframe.BayFrame;
import city.mycity.edge.ForwardResult.Status;
import city.mycity.edge.exception.UplinkUnavailableException;
import city.mycity.edge.telemetry.Sightings;
import city.mycity.reading.DeviceAddress;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class UplinkForwarderTest {

    private final Sightings sightings = new Sightings();

    private static final String SENML =
            "[{\"bn\":\"urn:dev:mycity:demo-town:bay-00001:\",\"bt\":1700000000,\"n\":\"occupied\",\"u\":\"/\",\"v\":1,"
                    + "\"x-vendor\":\"kept\"}]";

    private final InMemoryPublisher publisher = new InMemoryPublisher();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Map<String, String> gateways = Map.of("bay-00001", "gw-z-a1", "bay-00002", "gw-z-b2");
    private final EdgeMetrics metrics = new EdgeMetrics(registry);

    /** Packing off: each message alone on its device topic (gateway packs: {@link GatewayPackerTest}). */
    private final UplinkForwarder forwarder = new UplinkForwarder(
            "demo-town",
            gateways::get,
            PayloadDecoders.defaults(),
            256,
            new Delivery(publisher, Duration.ofMillis(200), metrics),
            null,
            null,
            metrics,
            sightings);

    private ForwardResult forward(String device, int contentFormat, byte[] payload) {
        return forwarder
                .forward(device, contentFormat, payload)
                .toCompletableFuture()
                .join();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private double count(String name, String... tags) {
        var counter = registry.find(name).tag("stage", "edge").tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void forwards_senml_unchanged_to_the_devices_gateway_topic() {
        assertThat(forward("bay-00001", 110, utf8(SENML)).status()).isEqualTo(Status.FORWARDED);
        assertThat(forward("bay-00002", 50, utf8(SENML)).status()).isEqualTo(Status.FORWARDED);

        assertThat(publisher.published())
                .extracting(InMemoryPublisher.Published::address)
                .containsExactly(
                        new DeviceAddress("demo-town", "gw-z-a1", "bay-00001"),
                        new DeviceAddress("demo-town", "gw-z-b2", "bay-00002"));
        assertThat(new String(publisher.published().get(0).senml(), StandardCharsets.UTF_8))
                .isEqualTo(SENML);
        assertThat(count("mycity.messages.forwarded")).isEqualTo(2);
        assertThat(count("mycity.readings.received")).isEqualTo(2);
    }

    @Test
    void turns_a_vendor_frame_into_senml_json_before_forwarding() {
        ForwardResult result = forward("bay-00001", 65001, new BayFrame(true, 1_700_000_000L, 9).toBytes());

        assertThat(result.status()).isEqualTo(Status.FORWARDED);
        assertThat(new String(publisher.published().get(0).senml(), StandardCharsets.UTF_8))
                .isEqualTo("[{\"bn\":\"urn:dev:mycity:demo-town:bay-00001:\",\"bt\":1700000000,"
                        + "\"n\":\"occupied\",\"u\":\"/\",\"v\":1,\"seq\":9}]");
    }

    @Test
    void completes_only_when_the_publisher_has_acknowledged() {
        publisher.holdAcknowledgements();

        CompletionStage<ForwardResult> pending = forwarder.forward("bay-00001", 110, utf8(SENML));

        assertThat(pending.toCompletableFuture()).isNotDone();
        publisher.acknowledgeAll();
        assertThat(pending.toCompletableFuture().join().status()).isEqualTo(Status.FORWARDED);
    }

    @Test
    void refuses_an_invalid_device_identifier_without_publishing() {
        ForwardResult result = forward("Bay 1", 110, utf8(SENML));

        assertThat(result.status()).isEqualTo(Status.INVALID_DEVICE);
        assertThat(result.detail()).contains("Bay 1");
        assertThat(publisher.published()).isEmpty();
        assertThat(count("mycity.readings.refused", "reason", "malformed_topic"))
                .isEqualTo(1);
    }

    @Test
    void refuses_a_device_with_no_known_gateway() {
        assertThat(forward("bay-09999", 110, utf8(SENML)).status()).isEqualTo(Status.UNKNOWN_DEVICE);
        assertThat(count("mycity.readings.refused", "reason", "unknown_device")).isEqualTo(1);
    }

    @Test
    void refuses_a_payload_over_the_limit() {
        ForwardResult result = forward("bay-00001", 110, new byte[257]);

        assertThat(result.status()).isEqualTo(Status.OVERSIZED);
        assertThat(result.detail()).contains("257", "256");
        assertThat(count("mycity.readings.refused", "reason", "oversized")).isEqualTo(1);
    }

    @Test
    void refuses_a_content_format_no_decoder_reads_or_none_at_all() {
        assertThat(forward("bay-00001", 0, utf8("occupied")).status()).isEqualTo(Status.UNSUPPORTED_FORMAT);
        assertThat(forward("bay-00001", -1, utf8(SENML)).status()).isEqualTo(Status.UNSUPPORTED_FORMAT);
        assertThat(count("mycity.readings.refused", "reason", "malformed_payload"))
                .isEqualTo(2);
    }

    @Test
    void refuses_a_payload_that_its_content_format_cannot_read() {
        ForwardResult notSenml = forward("bay-00001", 110, utf8("{\"occupied\":1}"));
        ForwardResult shortFrame = forward("bay-00001", 65001, new byte[3]);

        assertThat(notSenml.status()).isEqualTo(Status.MALFORMED);
        assertThat(shortFrame.status()).isEqualTo(Status.MALFORMED);
        assertThat(shortFrame.detail()).contains("7 bytes");
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void reports_unavailable_when_the_publish_fails() {
        publisher.failWith(new UplinkUnavailableException("not connected to the MQTT broker tcp://x"));

        ForwardResult result = forward("bay-00001", 110, utf8(SENML));

        assertThat(result.status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(result.detail()).contains("not connected");
        assertThat(count("mycity.messages.failed")).isEqualTo(1);
        assertThat(count("mycity.messages.forwarded")).isZero();
    }

    @Test
    void reports_unavailable_when_no_acknowledgement_comes_in_time() {
        publisher.holdAcknowledgements();

        ForwardResult result = forward("bay-00001", 110, utf8(SENML));

        assertThat(result.status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(result.detail()).contains("200 ms");
    }

    @Test
    void keeps_the_in_flight_permit_after_a_timeout_until_the_real_acknowledgement() {
        publisher.limitInFlight(1);
        publisher.holdAcknowledgements();

        ForwardResult timedOut = forward("bay-00001", 110, utf8(SENML));

        assertThat(timedOut.status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(publisher.published().get(0).ack()).isNotDone();
        assertThat(publisher.freeInFlightPermits()).isZero();
        ForwardResult overCap = forward("bay-00002", 110, utf8(SENML));
        assertThat(overCap.status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(overCap.detail()).contains("waiting for their acknowledgement");
        assertThat(publisher.published()).hasSize(1);

        publisher.acknowledgeAll();

        assertThat(publisher.freeInFlightPermits()).isEqualTo(1);
    }

    @Test
    void counts_a_late_acknowledgement_apart_and_keeps_the_message_counted_as_failed() {
        publisher.holdAcknowledgements();
        forward("bay-00001", 110, utf8(SENML));
        assertThat(count("mycity.messages.acknowledged.late")).isZero();

        publisher.acknowledgeAll();

        assertThat(count("mycity.messages.acknowledged.late")).isEqualTo(1);
        assertThat(count("mycity.messages.failed")).isEqualTo(1);
        assertThat(count("mycity.messages.forwarded")).isZero();
    }

    @Test
    void does_not_count_a_refusal_after_the_timeout_as_a_late_acknowledgement() {
        publisher.holdAcknowledgements();
        forward("bay-00001", 110, utf8(SENML));

        publisher.published().get(0).ack().completeExceptionally(new UplinkUnavailableException("refused"));

        assertThat(count("mycity.messages.acknowledged.late")).isZero();
        assertThat(count("mycity.messages.failed")).isEqualTo(1);
    }

    @Test
    void counts_every_reading_received_as_forwarded_refused_or_failed() {
        forward("bay-00001", 110, utf8(SENML.replace("}]", "},{\"n\":\"occupied\",\"u\":\"/\",\"v\":0}]")));
        forward("bay-00001", 110, utf8("nonsense"));
        forward("nobody", 110, utf8(SENML));

        assertThat(count("mycity.readings.received")).isEqualTo(4);
        assertThat(count("mycity.readings.refused", "reason", "malformed_payload")
                        + count("mycity.readings.refused", "reason", "unknown_device"))
                .isEqualTo(2);
    }
}
