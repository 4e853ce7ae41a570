package city.mycity.gateway.ingress.coap;

import city.mycity.gateway.credentials.Credentials;
import city.mycity.gateway.credentials.Subject;
import city.mycity.gateway.ingress.DirectIngress;
import city.mycity.gateway.ingress.IngressOutcome;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Direct ingress over CoAP and DTLS 1.2: a device without a gateway shakes hands with the PSK identity and key of its
 * registry credential ({@code dev~tenant~device}, {@code ./mycity credentials issue --kind dtls-psk}) and posts to
 * {@code /up/{device}} as itself. The keys follow the registry (looked at every few seconds): an issued, rotated or
 * revoked key takes effect without a restart, every session closed when one is revoked. Answers: 2.04 once the broker
 * has the message; 4.00, 4.03, 4.04, 4.13, 4.15, 4.29 and 5.03 with the reason and its sentence as diagnostic payload.
 */
public final class IngressCoapServer implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(IngressCoapServer.class);

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private final CoapServer server;
    private final CoapEndpoint endpoint;
    private final AdvancedMultiPskStore store;
    private final DTLSConnector dtls;
    private final Credentials credentials;
    private final ScheduledExecutorService timer;
    private Map<String, byte[]> keys = Map.of();
    private long generation = -1;

    private IngressCoapServer(
            CoapServer server,
            CoapEndpoint endpoint,
            AdvancedMultiPskStore store,
            DTLSConnector dtls,
            Credentials credentials) {
        this.server = server;
        this.endpoint = endpoint;
        this.store = store;
        this.dtls = dtls;
        this.credentials = credentials;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ingress-coap-keys");
            t.setDaemon(true);
            return t;
        });
    }

    /** Binds (UDP), loads the keys and starts; the keys are looked at again every {@code keysInterval}. */
    public static IngressCoapServer start(
            DirectIngress ingress, Credentials credentials, String host, int port, java.time.Duration keysInterval)
            throws IOException {
        Configuration config = Configuration.createStandardWithoutFile();
        config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, 4 * DirectIngress.DEFAULT_MAX_BYTES);
        AdvancedMultiPskStore store = new AdvancedMultiPskStore();
        DTLSConnector dtls = new DTLSConnector(new DtlsConnectorConfig.Builder(config)
                .setAddress(new InetSocketAddress(host, port))
                .setAdvancedPskStore(store)
                .set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY)
                .build());
        CoapEndpoint endpoint = new CoapEndpoint.Builder()
                .setConfiguration(config)
                .setConnector(dtls)
                .build();
        CoapServer server = new CoapServer(config);
        server.addEndpoint(endpoint);
        server.add(new UpResource(ingress));
        IngressCoapServer started = new IngressCoapServer(server, endpoint, store, dtls, credentials);
        started.refreshKeys();
        try {
            server.start();
        } catch (IllegalStateException e) {
            server.destroy();
            throw new IOException("Could not bind CoAP to " + host + ":" + port + ": " + e.getMessage(), e);
        }
        started.timer.scheduleWithFixedDelay(
                started::refreshLogged, keysInterval.toMillis(), keysInterval.toMillis(), TimeUnit.MILLISECONDS);
        LOGGER.info("Direct ingress listening on coaps://{}:{}/up/{device}", host, started.port());
        return started;
    }

    private void refreshLogged() {
        try {
            refreshKeys();
        } catch (RuntimeException e) {
            LOGGER.warn("Keeping direct ingress's device keys: {}", e.toString());
        }
    }

    /** Takes the registry's keys when the credentials changed; closes every session when a key was revoked. */
    synchronized void refreshKeys() {
        long now = credentials.generation();
        if (now == generation) {
            return;
        }
        Map<String, byte[]> next = credentials.deviceKeysByIdentity();
        boolean ended = false;
        for (Map.Entry<String, byte[]> old : keys.entrySet()) {
            byte[] key = next.get(old.getKey());
            if (key == null || !java.util.Arrays.equals(key, old.getValue())) {
                store.removeKey(old.getKey());
                ended = true;
            }
        }
        next.forEach(store::setKey);
        keys = new HashMap<>(next);
        generation = now;
        if (ended) {
            dtls.clearConnectionState();
        }
    }

    public int port() {
        return endpoint.getAddress().getPort();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        server.destroy();
    }

    /** {@code POST /up/{device}}. */
    private static final class UpResource extends CoapResource {

        private final DirectIngress ingress;

        UpResource(DirectIngress ingress) {
            super("up");
            this.ingress = ingress;
        }

        @Override
        public Resource getChild(String name) {
            return this;
        }

        @Override
        public void handlePOST(CoapExchange exchange) {
            List<String> path = exchange.getRequestOptions().getUriPath();
            if (path.size() != 2) {
                exchange.respond(ResponseCode.NOT_FOUND, "POST to /up/{device}");
                return;
            }
            Principal peer = exchange.advanced().getRequest().getSourceContext().getPeerIdentity();
            Optional<Subject> subject = peer instanceof PreSharedKeyIdentity psk
                    ? Credentials.subjectOf(psk.getIdentity())
                    : Optional.empty();
            if (subject.isEmpty() || subject.get().kind() != Subject.Kind.DEVICE) {
                exchange.respond(ResponseCode.UNAUTHORIZED, "unauthenticated: shake hands as dev~tenant~device");
                return;
            }
            exchange.accept();
            byte[] payload = exchange.getRequestPayload();
            int format = exchange.getRequestOptions().getContentFormat();
            try {
                ingress.acceptFrom(subject.get(), path.get(1), format, payload)
                        .whenComplete((outcome, error) -> respond(exchange, outcome, error));
            } catch (RuntimeException e) {
                respond(exchange, null, e);
            }
        }

        private static void respond(CoapExchange exchange, IngressOutcome outcome, Throwable error) {
            if (error != null) {
                LOGGER.warn("Direct ingress failed on CoAP: {}", error.toString());
                exchange.respond(ResponseCode.INTERNAL_SERVER_ERROR, "internal");
            } else if (outcome instanceof IngressOutcome.Accepted) {
                exchange.respond(ResponseCode.CHANGED);
            } else if (outcome instanceof IngressOutcome.Refused refused) {
                exchange.respond(code(refused.status()), refused.reason() + ": " + refused.detail());
            }
        }

        /** The CoAP code of the same class and detail as the HTTP status (RFC 7252, RFC 8516 for 4.29). */
        private static ResponseCode code(int status) {
            return switch (status) {
                case 400 -> ResponseCode.BAD_REQUEST;
                case 401 -> ResponseCode.UNAUTHORIZED;
                case 403 -> ResponseCode.FORBIDDEN;
                case 404 -> ResponseCode.NOT_FOUND;
                case 413 -> ResponseCode.REQUEST_ENTITY_TOO_LARGE;
                case 415 -> ResponseCode.UNSUPPORTED_CONTENT_FORMAT;
                case 429 -> ResponseCode.TOO_MANY_REQUESTS;
                case 503 -> ResponseCode.SERVICE_UNAVAILABLE;
                default -> ResponseCode.INTERNAL_SERVER_ERROR;
            };
        }
    }
}
