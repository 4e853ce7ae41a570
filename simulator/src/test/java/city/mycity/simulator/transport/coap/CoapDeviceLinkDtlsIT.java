package city.mycity.simulator.transport.coap;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.citymodel.City;
import city.mycity.citymodel.Sensor;
import city.mycity.simulator.TestCity;
import city.mycity.simulator.exception.DeliveryException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CoAP link over DTLS against a real Scandium server that knows each sensor's key: every sensor authenticates as
 * itself from a session of its own, also when fewer sessions may stay open than there are sensors.
 */
class CoapDeviceLinkDtlsIT {

    /** The PSK identity a request came with, and the device of its path. */
    record Post(String identity, String device) {}

    private final City city = TestCity.small();
    private final Map<String, byte[]> keys = city.sensors().stream()
            .collect(Collectors.toMap(Sensor::id, s -> ("the key of " + s.id()).getBytes(StandardCharsets.UTF_8)));
    private final List<Post> received = new CopyOnWriteArrayList<>();
    private CoapServer server;
    private int port;

    @BeforeEach
    void startServer() {
        Configuration config = Configuration.createStandardWithoutFile();
        AdvancedMultiPskStore store = new AdvancedMultiPskStore();
        keys.forEach(store::setKey);
        DtlsConnectorConfig dtls = new DtlsConnectorConfig.Builder(config)
                .setAddress(new InetSocketAddress("127.0.0.1", 0))
                .setAdvancedPskStore(store)
                .set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY)
                .build();
        CoapEndpoint endpoint = new CoapEndpoint.Builder()
                .setConfiguration(config)
                .setConnector(new DTLSConnector(dtls))
                .build();
        server = new CoapServer(config);
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
    void each_sensor_authenticates_as_itself_even_with_fewer_open_sessions_than_sensors() throws Exception {
        List<Sensor> sensors = city.sensors().subList(0, 6);
        try (CoapDeviceLink coap = CoapDeviceLink.builder("127.0.0.1", port)
                .dtls(keys::get)
                .maxOpenSessions(2)
                .build()) {
            List<CompletableFuture<Void>> sent = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (Sensor sensor : sensors) {
                    sent.add(coap.send(TestCity.TENANT, sensor, "[]".getBytes()).toCompletableFuture());
                }
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get();
        }

        assertThat(received).hasSize(12).allSatisfy(post -> assertThat(post.identity())
                .isEqualTo(post.device()));
        assertThat(received.stream().map(Post::device).distinct())
                .containsExactlyInAnyOrderElementsOf(
                        sensors.stream().map(Sensor::id).toList());
    }

    @Test
    void a_sensor_without_a_key_cannot_send() {
        Sensor sensor = city.sensors().get(0);
        Function<String, byte[]> noKeys = device -> null;
        try (CoapDeviceLink coap =
                CoapDeviceLink.builder("127.0.0.1", port).dtls(noKeys).build()) {
            CompletableFuture<Void> sent =
                    coap.send(TestCity.TENANT, sensor, "[]".getBytes()).toCompletableFuture();

            assertThat(sent)
                    .failsWithin(Duration.ofSeconds(10))
                    .withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(DeliveryException.class)
                    .withMessageContaining("No DTLS key");
        }
        assertThat(received).isEmpty();
    }

    /** {@code up}: any child name is a device; records who posted. */
    private final class Up extends CoapResource {

        Up() {
            super("up");
        }

        @Override
        public Resource getChild(String name) {
            return new CoapResource(name) {
                @Override
                public void handlePOST(CoapExchange exchange) {
                    Principal identity =
                            exchange.advanced().getRequest().getSourceContext().getPeerIdentity();
                    received.add(new Post(identity == null ? null : identity.getName(), name));
                    exchange.respond(ResponseCode.CHANGED);
                }
            };
        }
    }
}
