package city.mycity.simulator.transport.coap;

import city.mycity.citymodel.Sensor;
import city.mycity.simulator.exception.DeliveryException;
import city.mycity.simulator.transport.DeviceLink;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.config.DtlsConfig;

/**
 * Sends each message the way a CoAP sensor would: {@code POST coap://host:port/up/{device}} with the SenML JSON
 * payload (content format 110, {@code application/senml+json}), or a sensor's vendor frame (42, {@code
 * application/octet-stream}), confirmable. With plain CoAP every sensor's requests
 * leave from one local UDP endpoint; with DTLS ({@link Builder#dtls}) each sensor has a socket, session and pre-shared
 * key of its own, as a real fleet does ({@code coaps://}). A send completes on a 2.xx response and fails on any other
 * response, on a timeout or on a transmission error. It blocks while the window of unanswered requests is full.
 * Thread-safe.
 */
public final class CoapDeviceLink implements DeviceLink {

    private final String base;
    private final Duration timeout;
    private final Semaphore window;
    private final SensorEndpoints endpoints;
    private final Duration resendFor;
    private final ScheduledExecutorService resends = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "coap-link-resends");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;
    /** Messages waiting to be sent again, failed if the link closes first. */
    private final java.util.Set<CompletableFuture<Void>> waiting = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static final long FIRST_PAUSE_MILLIS = 500;
    private static final long MAX_PAUSE_MILLIS = 8_000;

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private CoapDeviceLink(Builder builder) {
        this.base = (builder.keyOf == null ? "coap" : "coaps") + "://" + builder.host + ":" + builder.port + "/up/";
        this.timeout = builder.timeout;
        this.resendFor = builder.resendFor;
        this.window = new Semaphore(builder.maxInFlight);
        this.endpoints = builder.keyOf == null
                ? new SharedEndpoint()
                : new DtlsEndpoints(builder.keyOf, builder.maxOpenSessions);
    }

    /** @param host the edge agent (or any CoAP server with an {@code up} resource) */
    public static Builder builder(String host, int port) {
        return new Builder(host, port);
    }

    @Override
    public CompletionStage<Void> send(String tenant, Sensor sensor, byte[] payload) {
        return post(new Post(sensor.id(), MediaTypeRegistry.APPLICATION_SENML_JSON, payload));
    }

    /** Sends the frame as {@code application/octet-stream} (42), as the gateway's vendor codecs expect it. */
    @Override
    public CompletionStage<Void> sendFrame(String tenant, Sensor sensor, byte[] frame) {
        return post(new Post(sensor.id(), MediaTypeRegistry.APPLICATION_OCTET_STREAM, frame));
    }

    /** True: a sensor that speaks its vendor's frame sends it to its gateway as it is. */
    @Override
    public boolean carriesFrames() {
        return true;
    }

    /** What one message asks the gateway: the device's path, and its payload with the payload's content format. */
    private record Post(String device, int contentFormat, byte[] payload) {}

    private CompletionStage<Void> post(Post post) {
        CompletableFuture<Void> answered = new CompletableFuture<>();
        try {
            window.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answered.completeExceptionally(new DeliveryException("Interrupted while waiting to send", e));
            return answered;
        }
        answered.whenComplete((ignored, error) -> window.release());
        attempt(post, answered, System.nanoTime() + resendFor.toNanos(), FIRST_PAUSE_MILLIS);
        return answered;
    }

    /**
     * One try; on no answer or a 5.xx, and while there is time left, tries again after a pause (doubling, up to
     * {@value #MAX_PAUSE_MILLIS} ms), over a fresh DTLS session: a sensor whose gateway restarted shakes hands again.
     */
    private void attempt(Post post, CompletableFuture<Void> answered, long deadline, long pause) {
        String device = post.device();
        CompletableFuture<Void> attempt = new CompletableFuture<>();
        SensorEndpoints.Lease lease;
        try {
            lease = endpoints.lease(device);
        } catch (RuntimeException e) {
            answered.completeExceptionally(
                    e instanceof DeliveryException ? e : new DeliveryException(e.getMessage(), e));
            return;
        }
        Request request = Request.newPost();
        request.setURI(base + device);
        request.getOptions().setContentFormat(post.contentFormat());
        request.setPayload(post.payload());
        attempt.whenComplete((ignored, error) -> {
            try {
                if (error != null) {
                    request.cancel();
                }
            } finally {
                lease.release();
            }
            if (error == null) {
                answered.complete(null);
            } else if (retryable(error) && System.nanoTime() + pause * 1_000_000 < deadline && !closed) {
                endpoints.forget(device);
                resendLater(post, answered, deadline, pause);
            } else {
                answered.completeExceptionally(error);
            }
        });
        lease.client().advanced(new Handler(attempt, request), request);
        attempt.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void resendLater(Post post, CompletableFuture<Void> answered, long deadline, long pause) {
        waiting.add(answered);
        try {
            resends.schedule(
                    () -> {
                        if (waiting.remove(answered)) {
                            attempt(post, answered, deadline, Math.min(MAX_PAUSE_MILLIS, pause * 2));
                        }
                    },
                    pause,
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            waiting.remove(answered);
            answered.completeExceptionally(new DeliveryException("The CoAP link closed before the message went"));
        }
    }

    /** No answer, or the server unavailable (5.xx): worth another try. A 4.xx would be answered the same again. */
    private static boolean retryable(Throwable error) {
        return !(error instanceof DeliveryException delivery && delivery.refusedForGood());
    }

    /** Destroys the local endpoints; messages waiting to be sent again fail. */
    @Override
    public void close() {
        closed = true;
        resends.shutdownNow();
        for (CompletableFuture<Void> answered : waiting) {
            if (waiting.remove(answered)) {
                answered.completeExceptionally(new DeliveryException("The CoAP link closed before the message went"));
            }
        }
        endpoints.close();
    }

    private record Handler(CompletableFuture<Void> answered, Request request) implements CoapHandler {

        @Override
        public void onLoad(CoapResponse response) {
            if (response.isSuccess()) {
                answered.complete(null);
            } else {
                answered.completeExceptionally(new DeliveryException(
                        "CoAP server answered " + response.getCode() + " to " + request.getURI() + ": "
                                + response.getResponseText(),
                        response.getCode().codeClass != 5));
            }
        }

        @Override
        public void onError() {
            answered.completeExceptionally(new DeliveryException("No answer from " + request.getURI()
                    + (request.getSendError() == null
                            ? ""
                            : ": " + request.getSendError().getMessage())));
        }
    }

    /** Settings of a {@link CoapDeviceLink}; only the host and port have no default. */
    public static final class Builder {
        private final String host;
        private final int port;
        private int maxInFlight = 32;
        private Duration timeout = Duration.ofSeconds(30);
        private Function<String, byte[]> keyOf;
        private int maxOpenSessions = 1024;
        private Duration resendFor = Duration.ZERO;

        private Builder(String host, int port) {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("CoAP host must not be blank.");
            }
            if (port <= 0 || port > 65_535) {
                throw new IllegalArgumentException("CoAP port must be within 1-65535, but was " + port);
            }
            this.host = host;
            this.port = port;
        }

        /** The most requests waiting for an answer at once. By default, 32. */
        public Builder maxInFlight(int maxInFlight) {
            this.maxInFlight = maxInFlight;
            return this;
        }

        /** How long to wait for an answer, retransmissions included. By default, 30 seconds. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * CoAP over DTLS 1.2: each sensor sends from a socket of its own and authenticates with its device id as PSK
         * identity and {@code keyOf.apply(device)} as key (a sensor without a key cannot send). By default, plain
         * CoAP.
         */
        public Builder dtls(Function<String, byte[]> keyOf) {
            this.keyOf = keyOf;
            return this;
        }

        /**
         * With DTLS, the most sensors holding a socket and session open at once; the least recently used is closed
         * to make room, and shakes hands again when it next sends. By default, 1024.
         */
        public Builder maxOpenSessions(int maxOpenSessions) {
            this.maxOpenSessions = maxOpenSessions;
            return this;
        }

        /**
         * How long a sensor keeps trying a message that got no answer or a 5.xx, as a real one does: again after 0.5
         * s, doubling up to 8 s, each time over a fresh DTLS session. By default, zero: one try.
         */
        public Builder resendFor(Duration resendFor) {
            this.resendFor = resendFor;
            return this;
        }

        public CoapDeviceLink build() {
            if (resendFor == null || resendFor.isNegative()) {
                throw new IllegalStateException("Resend time must be zero or positive.");
            }
            if (maxOpenSessions <= 0) {
                throw new IllegalStateException("Max open sessions must be positive, but was " + maxOpenSessions);
            }
            if (maxInFlight <= 0) {
                throw new IllegalStateException("Max in-flight must be positive, but was " + maxInFlight);
            }
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalStateException("Timeout must be positive.");
            }
            return new CoapDeviceLink(this);
        }
    }
}
