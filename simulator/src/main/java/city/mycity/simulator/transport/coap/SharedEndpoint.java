package city.mycity.simulator.transport.coap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;

/** Plain CoAP: every sensor's requests leave from one local UDP endpoint. */
final class SharedEndpoint implements SensorEndpoints {

    private final CoapEndpoint endpoint;
    private final CoapClient client;
    private final Lease lease;

    SharedEndpoint() {
        this.endpoint = CoapEndpoint.builder()
                .setConfiguration(Configuration.createStandardWithoutFile())
                .setInetSocketAddress(new InetSocketAddress(0))
                .build();
        try {
            endpoint.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open a local UDP endpoint for CoAP.", e);
        }
        this.client = new CoapClient();
        client.setEndpoint(endpoint);
        this.lease = new Lease() {
            @Override
            public CoapClient client() {
                return client;
            }

            @Override
            public void release() {}
        };
    }

    @Override
    public Lease lease(String device) {
        return lease;
    }

    @Override
    public void forget(String device) {
        // Plain CoAP keeps nothing per device.
    }

    @Override
    public void close() {
        client.shutdown();
        endpoint.destroy();
    }
}
