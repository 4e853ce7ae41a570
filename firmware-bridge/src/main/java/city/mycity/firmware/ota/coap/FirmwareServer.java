package city.mycity.firmware.ota.coap;

import city.mycity.firmware.ota.Campaign;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.interceptors.MessageInterceptorAdapter;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;

/**
 * Serves firmware campaigns over CoAP, the image block-wise (RFC 7959 Block2, Californium's own), to sensors that
 * fetch, check and report:
 *
 * <ul>
 *   <li>{@code GET /fw/{campaign}/manifest}: the signed manifest, JSON (content format 50);
 *   <li>{@code GET /fw/{campaign}/image?device={id}}: the image (42), in blocks of {@value #BLOCK_BYTES} bytes; the
 *       first block moves the device to {@code downloading};
 *   <li>{@code POST /fw/{campaign}/state/{device}} with {@code verified}, {@code applied} or {@code failed: reason}:
 *       the device's own report (2.04; 4.09 for a move it cannot make; 4.04 for a device not in the campaign).
 * </ul>
 *
 * Over DTLS 1.2 ({@link #startDtls}) each sensor authenticates with its pre-shared key, under its device id, and may
 * fetch and report only as itself: the {@code device} of the query and the path must be its own, or are left out.
 * Over plain CoAP ({@link #start}, lab only) the server takes the device's word for who it is.
 */
public final class FirmwareServer implements AutoCloseable {

    static final int BLOCK_BYTES = 512;
    /** The largest image served. */
    public static final int MAX_IMAGE_BYTES = 4 * 1024 * 1024;

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private final CoapServer server;
    private final CoapEndpoint endpoint;
    private final Map<String, Campaign> campaigns = new ConcurrentHashMap<>();
    private final AtomicLong blocksServed = new AtomicLong();

    private FirmwareServer(Configuration config, CoapEndpoint.Builder endpointBuilder) {
        this.endpoint = endpointBuilder.setConfiguration(config).build();
        this.server = new CoapServer(config);
        endpoint.addInterceptor(new MessageInterceptorAdapter() {
            @Override
            public void sendResponse(Response response) {
                if (response.getOptions().hasBlock2()) {
                    blocksServed.incrementAndGet();
                }
            }
        });
        server.addEndpoint(endpoint);
        server.add(new Firmware());
    }

    /** Binds {@code host:port} (0: a free port) and serves over plain CoAP: for a lab, where devices need no keys. */
    public static FirmwareServer start(String host, int port) throws IOException {
        return start(
                host,
                port,
                new CoapEndpoint.Builder().setInetSocketAddress(new InetSocketAddress(host, port)),
                config());
    }

    /**
     * Binds {@code host:port} (0: a free port) and serves over DTLS 1.2 to the sensors with these pre-shared keys, by
     * device id; a sensor whose key is not among them cannot shake hands.
     */
    public static FirmwareServer startDtls(String host, int port, Map<String, byte[]> keys) throws IOException {
        Configuration config = config();
        AdvancedMultiPskStore store = new AdvancedMultiPskStore();
        keys.forEach(store::setKey);
        DtlsConnectorConfig dtls = new DtlsConnectorConfig.Builder(config)
                .setAddress(new InetSocketAddress(host, port))
                .setAdvancedPskStore(store)
                .set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY)
                .build();
        return start(host, port, new CoapEndpoint.Builder().setConnector(new DTLSConnector(dtls)), config);
    }

    private static Configuration config() {
        Configuration config = Configuration.createStandardWithoutFile();
        config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, MAX_IMAGE_BYTES);
        config.set(CoapConfig.PREFERRED_BLOCK_SIZE, BLOCK_BYTES);
        config.set(CoapConfig.MAX_MESSAGE_SIZE, BLOCK_BYTES);
        return config;
    }

    private static FirmwareServer start(String host, int port, CoapEndpoint.Builder endpoint, Configuration config)
            throws IOException {
        FirmwareServer firmware = new FirmwareServer(config, endpoint);
        try {
            firmware.server.start();
        } catch (IllegalStateException e) {
            firmware.server.destroy();
            throw new IOException("Could not bind CoAP to " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return firmware;
    }

    /** Serves {@code campaign} from now on, at {@code /fw/{id}/}. */
    public void serve(Campaign campaign) {
        campaigns.put(campaign.id(), campaign);
    }

    /** How many blocks of images were sent, in all. */
    public long blocksServed() {
        return blocksServed.get();
    }

    public int port() {
        return endpoint.getAddress().getPort();
    }

    /** Stops answering (as a server that went away mid-download); {@link #resume()} answers again on the same port. */
    public void pause() {
        server.stop();
    }

    public void resume() {
        server.start();
    }

    @Override
    public void close() {
        server.destroy();
    }

    /** {@code /fw}: its children are the campaigns. */
    private final class Firmware extends CoapResource {

        Firmware() {
            super("fw");
        }

        @Override
        public Resource getChild(String name) {
            Campaign campaign = campaigns.get(name);
            return campaign == null ? null : new CampaignResource(campaign);
        }
    }
}
