package city.mycity.edge;

import city.mycity.reading.SenmlCodec;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.SenmlRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Gathers the messages of one gateway's sensors into gateway packs ({@link SenmlPack#join}), published on the
 * gateway's topic within the {@link PackLimits}. Every message in a pack is answered with the pack's outcome: 2.04
 * only once the broker acknowledged the pack, 5.03 for all of them when it did not (in time). Messages of different
 * gateways never share a pack. Thread-safe.
 */
final class GatewayPacker implements AutoCloseable {

    private final String tenant;
    private final PackLimits limits;
    private final Delivery delivery;
    private final LingerTimer timer;
    private final SenmlCodec codec = SenmlCodec.json();
    private final Map<String, OpenPack> open = new HashMap<>();
    private boolean closed;

    GatewayPacker(String tenant, PackLimits limits, Delivery delivery, LingerTimer timer) {
        this.tenant = tenant;
        this.limits = limits;
        this.delivery = delivery;
        this.timer = timer;
    }

    /** A device's message as it would join a pack, measured. */
    record Entry(SenmlPack pack, int readings, int bytes) {}

    /**
     * The message ready to join a gateway pack, or empty when it must go alone on its device topic: when a record is
     * named after another device (so that the platform refuses the message whole, as it would from the device), or
     * when the message alone is over the pack limits.
     */
    Optional<Entry> entry(String device, SenmlPack pack) {
        return entryOf(tenant, limits, device, pack);
    }

    /** {@link #entry} for any tenant and limits: whether a device's message joins a pack, and how. */
    static Optional<Entry> entryOf(String tenant, PackLimits limits, String device, SenmlPack pack) {
        SenmlPack selfContained = pack.selfContained();
        String name = SenmlPack.baseNameOf(tenant, device);
        for (SenmlRecord record : selfContained.records()) {
            if (record.name() == null || !record.name().startsWith(name)) {
                return Optional.empty();
            }
        }
        int bytes = SenmlCodec.json().encode(selfContained).length;
        int readings = selfContained.records().size();
        if (readings > limits.maxReadings() || bytes > limits.maxBytes()) {
            return Optional.empty();
        }
        return Optional.of(new Entry(selfContained, readings, bytes));
    }

    /** Adds the message to its gateway's open pack; the stage completes with the pack's outcome. */
    CompletionStage<ForwardResult> add(String gateway, Entry entry) {
        if (!delivery.publisher().isConnected()) {
            return delivery.unavailable(gateway, 1, "not connected to the broker");
        }
        CompletableFuture<ForwardResult> answer = new CompletableFuture<>();
        OpenPack before = null;
        OpenPack full = null;
        synchronized (this) {
            if (closed) {
                return delivery.unavailable(gateway, 1, "the edge agent is shutting down");
            }
            OpenPack pack = open.get(gateway);
            if (pack != null && !pack.fits(entry)) {
                before = take(pack);
                pack = null;
            }
            if (pack == null) {
                pack = open(gateway);
            }
            pack.add(entry, answer);
            if (pack.readings >= limits.maxReadings() || pack.bytes >= limits.maxBytes()) {
                full = take(pack);
            }
        }
        publish(before);
        publish(full);
        return answer;
    }

    private OpenPack open(String gateway) {
        OpenPack pack = new OpenPack(gateway);
        open.put(gateway, pack);
        pack.linger = timer.schedule(limits.linger(), () -> lingerOver(pack));
        return pack;
    }

    private OpenPack take(OpenPack pack) {
        open.remove(pack.gateway);
        pack.linger.cancel();
        return pack;
    }

    private void lingerOver(OpenPack pack) {
        synchronized (this) {
            if (open.get(pack.gateway) != pack) {
                return;
            }
            open.remove(pack.gateway);
        }
        publish(pack);
    }

    private void publish(OpenPack pack) {
        if (pack == null) {
            return;
        }
        delivery.metrics().packPublished(pack.readings);
        delivery.deliver(
                        "gateway pack of " + tenant + "/" + pack.gateway,
                        () -> delivery.publisher()
                                .publishPack(tenant, pack.gateway, codec.encode(SenmlPack.join(pack.packs))),
                        pack.answers.size(),
                        pack.readings,
                        true)
                .thenAccept(result -> pack.answers.forEach(answer -> answer.complete(result)));
    }

    /** Answers the messages of every open pack 5.03 (without publishing) and stops the linger timer. */
    @Override
    public void close() {
        List<OpenPack> left;
        synchronized (this) {
            closed = true;
            left = new ArrayList<>(open.values());
            left.forEach(this::take);
        }
        timer.close();
        for (OpenPack pack : left) {
            delivery.unavailable(pack.gateway, pack.answers.size(), "the edge agent is shutting down")
                    .thenAccept(result -> pack.answers.forEach(answer -> answer.complete(result)));
        }
    }

    /** One gateway's pack being gathered. Guarded by the packer's lock until taken. */
    private final class OpenPack {
        private final String gateway;
        private final List<SenmlPack> packs = new ArrayList<>();
        private final List<CompletableFuture<ForwardResult>> answers = new ArrayList<>();
        private int readings;
        /** The SenML JSON size of the joined pack: the entries' records, one comma between two, the brackets. */
        private int bytes;

        private LingerTimer.Scheduled linger;

        OpenPack(String gateway) {
            this.gateway = gateway;
        }

        boolean fits(Entry entry) {
            return readings + entry.readings() <= limits.maxReadings()
                    && bytes + entry.bytes() - 1 <= limits.maxBytes();
        }

        void add(Entry entry, CompletableFuture<ForwardResult> answer) {
            packs.add(entry.pack());
            answers.add(answer);
            readings += entry.readings();
            bytes = packs.size() == 1 ? entry.bytes() : bytes + entry.bytes() - 1;
        }
    }
}
