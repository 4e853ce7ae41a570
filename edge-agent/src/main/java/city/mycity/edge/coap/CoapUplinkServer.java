package city.mycity.edge.coap;

import city.mycity.edge.UplinkForwarder;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CoAP side of the edge agent: a Californium server with the {@code /up} resource on one UDP endpoint. The
 * configuration is built in memory (no {@code Californium3.properties} file is read or written).
 */
public final class CoapUplinkServer implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(CoapUplinkServer.class);

    static {
        CoapConfig.register();
        UdpConfig.register();
    }

    private final CoapServer server;
    private final CoapEndpoint endpoint;

    private CoapUplinkServer(CoapServer server, CoapEndpoint endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    /**
     * Binds and starts the server.
     *
     * @param host the address to bind, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
     * @param port the UDP port, 0 for a free one
     * @throws IOException when the port cannot be bound
     */
    public static CoapUplinkServer start(String host, int port, UplinkForwarder forwarder) throws IOException {
        Configuration config = Configuration.createStandardWithoutFile();
        // Let bodies somewhat over the limit reach the resource, which counts and refuses them with 4.13;
        // Californium answers 4.13 itself to anything larger.
        config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, Math.max(8192, forwarder.maxPayloadBytes() * 2));
        CoapEndpoint endpoint = new CoapEndpoint.Builder()
                .setConfiguration(config)
                .setInetSocketAddress(new InetSocketAddress(host, port))
                .build();
        CoapServer server = new CoapServer(config);
        server.addEndpoint(endpoint);
        server.add(new UplinkResource(forwarder));
        try {
            server.start();
        } catch (IllegalStateException e) {
            server.destroy();
            throw new IOException("Could not bind CoAP to " + host + ":" + port + ": " + e.getMessage(), e);
        }
        CoapUplinkServer started = new CoapUplinkServer(server, endpoint);
        LOGGER.info("CoAP uplink listening on coap://{}:{}/up/{device}", host, started.port());
        return started;
    }

    /** The address and UDP port actually bound. */
    public InetSocketAddress address() {
        return endpoint.getAddress();
    }

    /** The UDP port actually bound. */
    public int port() {
        return endpoint.getAddress().getPort();
    }

    @Override
    public void close() {
        server.destroy();
    }
}
