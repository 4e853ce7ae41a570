package city.mycity.simulator.transport;

import city.mycity.reading.SenmlCodec;
import city.mycity.reading.SenmlPack;
import city.mycity.simulator.exception.DeliveryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Gathers the messages of each gateway into gateway packs ({@link SenmlPack#join}), handed to a {@link PackPublisher}
 * once a pack holds {@code maxReadings} readings or its oldest message has waited {@code linger}. Each message's stage
 * completes with its pack's acknowledgement. Transport-free; thread-safe.
 *
 * <p>Kept lean for high rates: a full pack is joined, encoded and published on the thread that filled it (no thread
 * hop per message); only a pack whose linger ran out is published from the packer's one timer thread. A pack that
 * would encode to more than {@code maxBytes} is split in halves, so the platform never refuses it as oversized.
 */
public final class GatewayPacker implements AutoCloseable {

    /** The most records the platform accepts in a gateway pack ({@code ReadingValidator}). */
    public static final int MAX_READINGS = 2048;
    /** The largest gateway pack the platform accepts, in bytes ({@code ReadingValidator}). */
    public static final int MAX_BYTES = 256 * 1024;

    private static final SenmlCodec CODEC = SenmlCodec.json();

    /** Where finished packs go: e.g. an MQTT session of the gateway, publishing on its gateway topic. */
    @FunctionalInterface
    public interface PackPublisher {
        /**
         * Publishes one gateway pack; may block while the transport's window is full.
         *
         * @return completes when the receiver acknowledged the pack, exceptionally when it refused it or was unreachable
         */
        CompletionStage<Void> publish(String tenant, String gateway, byte[] senml);
    }

    private final int maxReadings;
    private final int maxBytes;
    private final Duration linger;
    private final PackPublisher publisher;
    private final ScheduledThreadPoolExecutor timer;
    private final Map<String, Map<String, Gateway>> tenants = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param maxReadings a pack is published once it holds this many readings (SenML records), 1-{@value #MAX_READINGS}
     * @param linger a pack is published once its oldest message has waited this long
     */
    public GatewayPacker(int maxReadings, Duration linger, PackPublisher publisher) {
        this(maxReadings, linger, MAX_BYTES, publisher);
    }

    GatewayPacker(int maxReadings, Duration linger, int maxBytes, PackPublisher publisher) {
        if (maxReadings < 1 || maxReadings > MAX_READINGS) {
            throw new IllegalArgumentException(
                    "Pack max readings must be 1-" + MAX_READINGS + ", but was " + maxReadings + ".");
        }
        if (linger == null || linger.isNegative() || linger.isZero()) {
            throw new IllegalArgumentException("Pack linger must be positive, but was " + linger + ".");
        }
        if (publisher == null) {
            throw new IllegalArgumentException("Pack publisher must not be null.");
        }
        this.maxReadings = maxReadings;
        this.maxBytes = maxBytes;
        this.linger = linger;
        this.publisher = publisher;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "mycity-sim-pack-linger");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    /**
     * Adds one message to its gateway's open pack.
     *
     * @return completes when the pack carrying the message was acknowledged, exceptionally when it was not
     */
    public CompletableFuture<Void> add(String tenant, String gateway, SenmlPack pack) {
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        if (closed) {
            confirmed.completeExceptionally(new DeliveryException("The gateway packer is closed."));
            return confirmed;
        }
        Gateway buffer = gateway(tenant, gateway);
        int readings = pack.records().size();
        OpenPack before = null;
        OpenPack full = null;
        synchronized (buffer) {
            OpenPack open = buffer.open;
            if (open != null && open.readings + readings > maxReadings) {
                before = buffer.take();
                open = null;
            }
            if (open == null) {
                open = buffer.start();
            }
            open.add(pack, confirmed, readings);
            if (open.readings >= maxReadings) {
                full = buffer.take();
            }
        }
        publish(buffer, before);
        publish(buffer, full);
        return confirmed;
    }

    private Gateway gateway(String tenant, String gateway) {
        Map<String, Gateway> gateways = tenants.get(tenant);
        if (gateways == null) {
            gateways = tenants.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>());
        }
        Gateway buffer = gateways.get(gateway);
        return buffer != null ? buffer : gateways.computeIfAbsent(gateway, g -> new Gateway(tenant, g));
    }

    /** Publishes every open pack now, whatever its size and age. */
    public void flush() {
        for (Map<String, Gateway> gateways : tenants.values()) {
            for (Gateway buffer : gateways.values()) {
                OpenPack open;
                synchronized (buffer) {
                    open = buffer.open == null ? null : buffer.take();
                }
                publish(buffer, open);
            }
        }
    }

    /** Publishes the open packs and stops the linger timer; later messages fail. */
    @Override
    public void close() {
        closed = true;
        flush();
        timer.shutdownNow();
    }

    private void lingerOver(Gateway buffer, OpenPack pack) {
        synchronized (buffer) {
            if (buffer.open != pack) {
                return;
            }
            buffer.open = null;
        }
        publish(buffer, pack);
    }

    private void publish(Gateway buffer, OpenPack pack) {
        if (pack != null) {
            publish(buffer, pack.packs, pack.confirmations);
        }
    }

    private void publish(Gateway buffer, List<SenmlPack> packs, List<CompletableFuture<Void>> confirmations) {
        CompletionStage<Void> acknowledged;
        try {
            byte[] senml = CODEC.encode(SenmlPack.join(packs));
            if (senml.length > maxBytes && packs.size() > 1) {
                int half = packs.size() / 2;
                publish(buffer, packs.subList(0, half), confirmations.subList(0, half));
                publish(buffer, packs.subList(half, packs.size()), confirmations.subList(half, packs.size()));
                return;
            }
            acknowledged = publisher.publish(buffer.tenant, buffer.gateway, senml);
        } catch (RuntimeException e) {
            acknowledged = CompletableFuture.failedFuture(e);
        }
        acknowledged.whenComplete((ok, error) -> {
            for (CompletableFuture<Void> confirmation : confirmations) {
                if (error == null) {
                    confirmation.complete(null);
                } else {
                    confirmation.completeExceptionally(error);
                }
            }
        });
    }

    /** One gateway's open pack, guarded by this object's lock. */
    private final class Gateway {
        private final String tenant;
        private final String gateway;
        private OpenPack open;

        Gateway(String tenant, String gateway) {
            this.tenant = tenant;
            this.gateway = gateway;
        }

        OpenPack start() {
            OpenPack pack = new OpenPack();
            pack.linger = timer.schedule(() -> lingerOver(this, pack), linger.toNanos(), TimeUnit.NANOSECONDS);
            open = pack;
            return pack;
        }

        OpenPack take() {
            OpenPack pack = open;
            open = null;
            pack.linger.cancel(false);
            return pack;
        }
    }

    /** The messages of one pack and who waits for its acknowledgement. */
    private final class OpenPack {
        private final List<SenmlPack> packs = new ArrayList<>();
        private final List<CompletableFuture<Void>> confirmations = new ArrayList<>();
        private int readings;
        private ScheduledFuture<?> linger;

        void add(SenmlPack pack, CompletableFuture<Void> confirmation, int count) {
            packs.add(pack);
            confirmations.add(confirmation);
            readings += count;
        }
    }
}
