package city.mycity.simulator.transport.coap;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.citymodel.City;
import city.mycity.citymodel.Sensor;
import city.mycity.simulator.Simulator;
import city.mycity.simulator.TeeLink;
import city.mycity.simulator.TestCity;
import city.mycity.simulator.exception.DeliveryException;
import city.mycity.simulator.fault.FaultProfile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CoAP link against a real Californium server with an {@code up/{device}} resource on a free port. */
class CoapDeviceLinkIT {

    /** What the server received: the device from the path, the content format and the payload. */
    record Post(String device, int contentFormat, byte[] payload) {}

    private final List<Post> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger refusals = new AtomicInteger();
    private CoapServer server;
    private int port;

    @BeforeEach
    void startServer() {
        CoapConfig.register();
        UdpConfig.register();
        Configuration config = Configuration.createStandardWithoutFile();
        server = new CoapServer(config);
        CoapEndpoint endpoint = CoapEndpoint.builder()
                .setConfiguration(config)
                .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0))
                .build();
        server.addEndpoint(endpoint);
        server.add(new Up());
        server.start();
        port = endpoint.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.destroy();
    }

    @Test
    void posts_every_message_to_up_slash_device_as_senml_json() {
        City city = TestCity.small();
        try (CoapDeviceLink coap = CoapDeviceLink.builder("127.0.0.1", port).build()) {
            TeeLink tee = new TeeLink(coap);
            Simulator simulator = Simulator.builder()
                    .city(city)
                    .faults(FaultProfile.none())
                    .meterRegistry(new SimpleMeterRegistry())
                    .link(tee)
                    .build();

            simulator.runUntil(500);

            assertThat(simulator.ledger().sendFailures()).isZero();
            assertThat(simulator.ledger().messagesSent())
                    .isEqualTo(tee.recorder().sent().size());
            assertThat(received).allSatisfy(p -> assertThat(p.contentFormat()).isEqualTo(110));
            assertThat(received.stream().map(p -> p.device() + " " + base64(p.payload())))
                    .containsExactlyInAnyOrderElementsOf(tee.recorder().sent().stream()
                            .map(s -> s.sensor().id() + " " + base64(s.payload()))
                            .toList());
        }
    }

    @Test
    void a_send_fails_when_the_server_answers_with_an_error() {
        Sensor stranger = ghost();
        try (CoapDeviceLink coap = CoapDeviceLink.builder("127.0.0.1", port).build()) {
            CompletableFuture<Void> sent =
                    coap.send("test-town", stranger, "[]".getBytes()).toCompletableFuture();

            assertThat(sent)
                    .failsWithin(Duration.ofSeconds(10))
                    .withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(DeliveryException.class)
                    .withMessageContaining("4.03");
        }
    }

    @Test
    void a_sensor_sends_again_after_a_5_03_until_the_message_is_taken() {
        Sensor real = TestCity.small().sensors().get(0);
        Sensor flaky =
                new Sensor("flaky-" + real.id(), real.kind(), real.zone(), real.gateway(), null, null, real.location());
        try (CoapDeviceLink coap = CoapDeviceLink.builder("127.0.0.1", port)
                .resendFor(Duration.ofSeconds(30))
                .build()) {
            CompletableFuture<Void> sent =
                    coap.send("test-town", flaky, "[]".getBytes()).toCompletableFuture();

            assertThat(sent).succeedsWithin(Duration.ofSeconds(20));
        }
        assertThat(unavailable.get()).as("answered 5.03 twice, then taken").isEqualTo(3);
        assertThat(received).hasSize(1);
    }

    @Test
    void a_sensor_does_not_send_again_what_was_refused_with_a_4_xx() {
        try (CoapDeviceLink coap = CoapDeviceLink.builder("127.0.0.1", port)
                .resendFor(Duration.ofSeconds(30))
                .build()) {
            CompletableFuture<Void> sent =
                    coap.send("test-town", ghost(), "[]".getBytes()).toCompletableFuture();

            assertThat(sent).failsWithin(Duration.ofSeconds(10));
        }
        assertThat(refusals.get()).isEqualTo(1);
    }

    @Test
    void a_send_fails_when_nobody_answers_in_time() {
        int silentPort = port;
        server.destroy();
        try (CoapDeviceLink coap = CoapDeviceLink.builder("127.0.0.1", silentPort)
                .timeout(Duration.ofMillis(500))
                .build()) {
            CompletableFuture<Void> sent = coap.send(
                            "test-town", TestCity.small().sensors().get(0), "[]".getBytes())
                    .toCompletableFuture();

            assertThat(sent).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class);
        }
    }

    private static Sensor ghost() {
        Sensor real = TestCity.small().sensors().get(0);
        return new Sensor("ghost-" + real.id(), real.kind(), real.zone(), real.gateway(), null, null, real.location());
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** {@code up}: any child name is a device; devices named ghost-* are refused, like unregistered ones. */
    private final class Up extends CoapResource {

        Up() {
            super("up");
        }

        @Override
        public Resource getChild(String name) {
            return new Device(name);
        }
    }

    private final class Device extends CoapResource {

        Device(String name) {
            super(name);
        }

        @Override
        public void handlePOST(CoapExchange exchange) {
            if (getName().startsWith("ghost-")) {
                refusals.incrementAndGet();
                exchange.respond(ResponseCode.FORBIDDEN, "unknown device");
                return;
            }
            if (getName().startsWith("flaky-") && unavailable.getAndIncrement() < 2) {
                exchange.respond(ResponseCode.SERVICE_UNAVAILABLE, "broker away");
                return;
            }
            received.add(
                    new Post(getName(), exchange.getRequestOptions().getContentFormat(), exchange.getRequestPayload()));
            exchange.respond(ResponseCode.CHANGED);
        }
    }
}
