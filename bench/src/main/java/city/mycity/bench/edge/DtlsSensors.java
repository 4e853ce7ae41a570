package city.mycity.bench.edge;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.elements.exception.ConnectorException;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;

/**
 * Simulated sensors that speak CoAP over DTLS 1.2, each with its own socket, session and pre-shared key (the agent sees
 * as many DTLS peers as there are sensors), sharing two small thread pools so that hundreds fit in one JVM.
 */
final class DtlsSensors implements AutoCloseable {

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private final List<CoapEndpoint> endpoints = new ArrayList<>();
    private final List<String> devices;
    private final ScheduledExecutorService main = Executors.newScheduledThreadPool(4);
    private final ScheduledExecutorService secondary = Executors.newScheduledThreadPool(1);
    private final int port;

    DtlsSensors(List<String> devices, List<byte[]> keys, int port) {
        this.devices = List.copyOf(devices);
        this.port = port;
        for (int i = 0; i < devices.size(); i++) {
            Configuration config = Configuration.createStandardWithoutFile();
            config.set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, 1);
            config.set(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, 1);
            DtlsConnectorConfig dtls = new DtlsConnectorConfig.Builder(config)
                    .setAdvancedPskStore(new AdvancedSinglePskStore(devices.get(i), keys.get(i)))
                    .set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY)
                    .build();
            CoapEndpoint endpoint = new CoapEndpoint.Builder()
                    .setConfiguration(config)
                    .setConnector(new DTLSConnector(dtls))
                    .build();
            endpoint.setExecutors(main, secondary);
            endpoints.add(endpoint);
        }
    }

    int size() {
        return devices.size();
    }

    String device(int sensor) {
        return devices.get(sensor);
    }

    /** Posts as sensor {@code sensor}; whether it was answered 2.04 Changed within the timeout. */
    boolean post(int sensor, byte[] senml, long timeoutMillis) {
        CoapClient client = new CoapClient("coaps://127.0.0.1:" + port + "/up/" + devices.get(sensor));
        client.setEndpoint(endpoints.get(sensor));
        client.setTimeout(timeoutMillis);
        try {
            CoapResponse response = client.post(senml, 110);
            return response != null && response.getCode() == ResponseCode.CHANGED;
        } catch (ConnectorException | IOException e) {
            return false;
        } finally {
            client.shutdown();
        }
    }

    @Override
    public void close() {
        endpoints.forEach(CoapEndpoint::destroy);
        main.shutdownNow();
        secondary.shutdownNow();
    }
}
