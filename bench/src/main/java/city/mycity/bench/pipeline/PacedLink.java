package city.mycity.bench.pipeline;

import city.mycity.citymodel.Sensor;
import city.mycity.reading.SenmlCodec;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.SenmlRecord;
import city.mycity.simulator.transport.DeviceLink;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;

/**
 * Puts the simulator on the bench: holds it to the {@link Throttle}'s rate of readings per second, and dates every
 * message now, as a device sending it in real time would. The simulated clock runs far ahead of the wall clock (the
 * town's devices send every few minutes, the bench asks for many thousand readings a second), so without the new date
 * the job's {@code mycity.readings.lag} (device time to commit) would measure the simulation, not the pipeline. The
 * device's sequence number is kept, so every reading stays distinct. Does not own the link it wraps.
 */
public final class PacedLink implements DeviceLink {

    private final DeviceLink link;
    private final Throttle throttle;
    private final boolean packs;
    private final LongAdder offered = new LongAdder();

    public PacedLink(DeviceLink link, Throttle throttle) {
        this.link = link;
        this.throttle = throttle;
        this.packs = link.packsGateways();
    }

    @Override
    public CompletionStage<Void> send(String tenant, Sensor sensor, byte[] payload) {
        return send(tenant, sensor, payload, SenmlCodec.json().decode(payload).pack());
    }

    @Override
    public CompletionStage<Void> send(String tenant, Sensor sensor, byte[] payload, SenmlPack pack) {
        int readings = pack == null ? 1 : pack.records().size();
        try {
            throttle.acquire(readings);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
        offered.add(readings);
        if (pack == null) {
            return link.send(tenant, sensor, payload, null);
        }
        SenmlPack now = datedNow(pack, System.currentTimeMillis());
        // A link that packs joins the pack itself and never reads the bytes.
        byte[] bytes = packs ? payload : SenmlCodec.json().encode(now);
        return link.send(tenant, sensor, bytes, now);
    }

    /** The pack with its base time set to {@code epochMillis}: the time of every record that has no time of its own. */
    static SenmlPack datedNow(SenmlPack pack, long epochMillis) {
        SenmlRecord first = pack.records().get(0);
        if (first.baseTime() == null) {
            return pack;
        }
        List<SenmlRecord> records = new ArrayList<>(pack.records());
        records.set(0, first.withBase(first.baseName(), epochMillis / 1000.0));
        return new SenmlPack(records);
    }

    /** Readings handed to the link so far. */
    public long offered() {
        return offered.sum();
    }

    @Override
    public boolean packsGateways() {
        return packs;
    }

    @Override
    public void open(String tenant, Collection<Sensor> sensors) {
        link.open(tenant, sensors);
    }
}
