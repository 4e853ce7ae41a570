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
 * Plain CoAP for now: the sensors' DTLS keys live in the edge agent, which will front this server.
 */
public final class FirmwareServer implements AutoCloseable {

    static final int BLOCK_BYTES = 512;
    /** The largest image served. */
    public static final int MAX_IMAGE_BYTES = 4 * 1024 * 1024;

    static {
        CoapConfig.register();
        UdpConfig.register();
    }

    private final CoapServer server;
    private final CoapEndpoint endpoint;
    private final Map<String, Campaign> campaigns = new ConcurrentHashMap<>();
    private final AtomicLong blocksServed = new AtomicLong();

    private FirmwareServer(String host, int port) {
        Configuration config = Configuration.createStandardWithoutFile();
        config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, MAX_IMAGE_BYTES);
        config.set(CoapConfig.PREFERRED_BLOCK_SIZE, BLOCK_BYTES);
        config.set(CoapConfig.MAX_MESSAGE_SIZE, BLOCK_BYTES);
        this.endpoint = CoapEndpoint.builder()
                .setConfiguration(config)
                .setInetSocketAddress(new InetSocketAddress(host, port))
                .build();
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

    /** Binds {@code host:port} (0: a free port) and serves. */
    public static FirmwareServer start(String host, int port) throws IOException {
        FirmwareServer firmware = new FirmwareServer(host, port);
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
