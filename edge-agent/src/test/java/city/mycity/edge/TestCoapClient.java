package city.mycity.edge;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.elements.exception.ConnectorException;

/** A Californium client with its own in-memory configured endpoint (no properties file), for the agent's ITs. */
final class TestCoapClient implements AutoCloseable {

    static {
        CoapConfig.register();
        UdpConfig.register();
        org.eclipse.californium.scandium.config.DtlsConfig.register();
    }

    private final CoapEndpoint endpoint;
    private final int port;
    private final String scheme;
    private long timeoutMillis = 20_000L;

    TestCoapClient(int port) {
        this.port = port;
        this.scheme = "coap";
        this.endpoint = new CoapEndpoint.Builder()
                .setConfiguration(Configuration.createStandardWithoutFile())
                .build();
    }

    private TestCoapClient(int port, CoapEndpoint endpoint) {
        this.port = port;
        this.scheme = "coaps";
        this.endpoint = endpoint;
    }

    /** A sensor with its pre-shared key: CoAP over DTLS 1.2 as {@code identity}. */
    static TestCoapClient dtls(int port, String identity, byte[] key) {
        Configuration config = Configuration.createStandardWithoutFile();
        org.eclipse.californium.scandium.config.DtlsConnectorConfig dtls =
                new org.eclipse.californium.scandium.config.DtlsConnectorConfig.Builder(config)
                        .setAdvancedPskStore(new org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore(
                                identity, key))
                        .set(
                                org.eclipse.californium.scandium.config.DtlsConfig.DTLS_ROLE,
                                org.eclipse.californium.scandium.config.DtlsConfig.DtlsRole.CLIENT_ONLY)
                        .build();
        return new TestCoapClient(
                port,
                new CoapEndpoint.Builder()
                        .setConfiguration(config)
                        .setConnector(new org.eclipse.californium.scandium.DTLSConnector(dtls))
                        .build());
    }

    private CoapClient client(String path) {
        CoapClient client = new CoapClient(scheme + "://127.0.0.1:" + port + path);
        client.setEndpoint(endpoint);
        client.setTimeout(timeoutMillis);
        return client;
    }

    /** How long a request waits for its answer. By default, 20 seconds. */
    TestCoapClient timeout(java.time.Duration timeout) {
        this.timeoutMillis = timeout.toMillis();
        return this;
    }

    /** POSTs and waits for the answer. */
    CoapResponse post(String path, byte[] payload, int contentFormat) {
        CoapClient client = client(path);
        try {
            return client.post(payload, contentFormat);
        } catch (ConnectorException | IOException e) {
            throw new IllegalStateException("POST " + path + " failed: " + e, e);
        } finally {
            client.shutdown();
        }
    }

    /** POSTs and returns at once; the future completes with the answer. */
    CompletableFuture<CoapResponse> postAsync(String path, byte[] payload, int contentFormat) {
        CompletableFuture<CoapResponse> answer = new CompletableFuture<>();
        client(path)
                .post(
                        new CoapHandler() {
                            @Override
                            public void onLoad(CoapResponse response) {
                                answer.complete(response);
                            }

                            @Override
                            public void onError() {
                                answer.completeExceptionally(new IllegalStateException("no answer to POST " + path));
                            }
                        },
                        payload,
                        contentFormat);
        return answer;
    }

    CoapResponse get(String path) {
        CoapClient client = client(path);
        try {
            return client.get();
        } catch (ConnectorException | IOException e) {
            throw new IllegalStateException("GET " + path + " failed: " + e, e);
        } finally {
            client.shutdown();
        }
    }

    /**
     * Observes {@code path} (RFC 7641): each notification's text goes to {@code notifications}, the first one being
     * the current state. Cancel with the returned relation's {@code proactiveCancel()}.
     */
    org.eclipse.californium.core.CoapObserveRelation observe(
            String path, java.util.function.Consumer<String> notifications) {
        CoapClient client = client(path);
        return client.observe(new CoapHandler() {
            @Override
            public void onLoad(CoapResponse response) {
                notifications.accept(response.getResponseText());
            }

            @Override
            public void onError() {}
        });
    }

    @Override
    public void close() {
        endpoint.destroy();
    }
}
