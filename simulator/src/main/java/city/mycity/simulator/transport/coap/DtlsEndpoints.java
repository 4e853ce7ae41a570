package city.mycity.simulator.transport.coap;

import city.mycity.simulator.exception.DeliveryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;

/**
 * CoAP over DTLS 1.2 as a fleet of real sensors speaks it: each sensor from a UDP socket of its own, with its own
 * session and pre-shared key (its device id as PSK identity), so the agent sees one DTLS peer per sensor. At most
 * {@code maxOpen} sensors keep a socket and session open; the least recently used one is closed when another needs
 * room (after its last request is answered), and shakes hands again when it next sends, as a sensor waking from sleep
 * does. All endpoints share two small thread pools.
 */
final class DtlsEndpoints implements SensorEndpoints {

    private final Function<String, byte[]> keyOf;
    private final int maxOpen;
    private final ScheduledExecutorService main = Executors.newScheduledThreadPool(2, daemon("coap-dtls-main"));
    private final ScheduledExecutorService secondary = Executors.newScheduledThreadPool(1, daemon("coap-dtls-timer"));
    /** Closes retired endpoints away from the threads that deliver their responses. */
    private final java.util.concurrent.ExecutorService closer =
            Executors.newSingleThreadExecutor(daemon("coap-dtls-closer"));

    private final Map<String, Peer> open = new LinkedHashMap<>(16, 0.75f, true);
    private boolean closed;

    DtlsEndpoints(Function<String, byte[]> keyOf, int maxOpen) {
        this.keyOf = keyOf;
        this.maxOpen = maxOpen;
    }

    @Override
    public synchronized Lease lease(String device) {
        if (closed) {
            throw new DeliveryException("The CoAP link is closed.");
        }
        Peer peer = open.get(device);
        if (peer == null) {
            byte[] key = keyOf.apply(device);
            if (key == null) {
                throw new DeliveryException("No DTLS key for device " + device + ": it cannot authenticate.");
            }
            if (open.size() >= maxOpen) {
                evictEldest();
            }
            peer = new Peer(endpoint(device, key));
            open.put(device, peer);
        }
        peer.inFlight++;
        return peer;
    }

    @Override
    public synchronized void forget(String device) {
        Peer peer = open.remove(device);
        if (peer != null) {
            peer.retire();
        }
    }

    private void evictEldest() {
        var eldest = open.entrySet().iterator();
        Peer peer = eldest.next().getValue();
        eldest.remove();
        peer.retire();
    }

    private CoapEndpoint endpoint(String device, byte[] key) {
        CoapEndpoint endpoint = SensorDtls.endpoint(device, key, Configuration.createStandardWithoutFile());
        endpoint.setExecutors(main, secondary);
        try {
            endpoint.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open a DTLS endpoint for " + device, e);
        }
        return endpoint;
    }

    /** How many sensors hold an open socket and session now. */
    synchronized int openCount() {
        return open.size();
    }

    @Override
    public synchronized void close() {
        closed = true;
        open.values().forEach(Peer::retire);
        open.clear();
        closer.shutdown();
        try {
            closer.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        main.shutdownNow();
        secondary.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One sensor's endpoint and client; destroyed once retired and idle. Guarded by the pool's monitor. */
    private final class Peer implements Lease {
        private final CoapEndpoint endpoint;
        private final CoapClient client = new CoapClient();
        private int inFlight;
        private boolean retired;

        Peer(CoapEndpoint endpoint) {
            this.endpoint = endpoint;
            client.setEndpoint(endpoint);
        }

        @Override
        public CoapClient client() {
            return client;
        }

        @Override
        public void release() {
            synchronized (DtlsEndpoints.this) {
                inFlight--;
                if (retired && inFlight == 0) {
                    destroy();
                }
            }
        }

        void retire() {
            retired = true;
            if (inFlight == 0) {
                destroy();
            }
        }

        private void destroy() {
            Runnable destroy = () -> {
                client.shutdown();
                endpoint.destroy();
            };
            try {
                closer.execute(destroy);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // The pool closed: nobody waits on a response thread any more.
                destroy.run();
            }
        }
    }
}
