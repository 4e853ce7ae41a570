package city.mycity.simulator.transport.coap;

import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;

/** The DTLS side of a simulated sensor: a client endpoint that shakes hands with its own pre-shared key. */
public final class SensorDtls {

    static {
        DtlsConfig.register();
    }

    private SensorDtls() {}

    /**
     * A CoAP endpoint (not started) on a free local port that speaks DTLS 1.2 as {@code device}, with its key, and
     * keeps few sessions, as a constrained sensor does; {@code config} is changed to say so.
     */
    public static CoapEndpoint endpoint(String device, byte[] key, Configuration config) {
        config.set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, 1);
        config.set(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, 1);
        config.set(DtlsConfig.DTLS_MAX_CONNECTIONS, 4);
        DtlsConnectorConfig dtls = new DtlsConnectorConfig.Builder(config)
                .setAdvancedPskStore(new AdvancedSinglePskStore(device, key))
                .set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY)
                .build();
        return new CoapEndpoint.Builder()
                .setConfiguration(config)
                .setConnector(new DTLSConnector(dtls))
                .build();
    }
}
