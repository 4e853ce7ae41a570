package city.mycity.simulator;

import city.mycity.citymodel.Sensor;
import city.mycity.reading.DeviceAddress;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.Uplink;
import city.mycity.reading.UplinkTopic;
import city.mycity.simulator.transport.DeviceLink;
import city.mycity.simulator.transport.GatewayPacker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A link in gateway-pack form without a broker: SenML messages go through a {@link GatewayPacker} into gateway packs,
 * anything else alone, and every uplink is kept as a broker would deliver it and confirmed at once.
 */
public final class RecordingPackLink implements DeviceLink {

    private final List<Uplink> uplinks = new ArrayList<>();
    private final GatewayPacker packer;

    public RecordingPackLink(int maxReadings) {
        this.packer = new GatewayPacker(maxReadings, Duration.ofMillis(10), this::publishPack);
    }

    private CompletionStage<Void> publishPack(String tenant, String gateway, byte[] senml) {
        record(new Uplink(UplinkTopic.ofGateway(tenant, gateway), senml, Instant.now()));
        return CompletableFuture.completedFuture(null);
    }

    private synchronized void record(Uplink uplink) {
        uplinks.add(uplink);
    }

    @Override
    public CompletionStage<Void> send(String tenant, Sensor sensor, byte[] payload) {
        record(new Uplink(
                UplinkTopic.of(new DeviceAddress(tenant, sensor.gateway(), sensor.id())), payload, Instant.now()));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> send(String tenant, Sensor sensor, byte[] payload, SenmlPack pack) {
        return pack == null ? send(tenant, sensor, payload) : packer.add(tenant, sensor.gateway(), pack);
    }

    @Override
    public boolean packsGateways() {
        return true;
    }

    /** Gateway packs and lone messages, in the order they were published. */
    public synchronized List<Uplink> uplinks() {
        return List.copyOf(uplinks);
    }

    @Override
    public void close() {
        packer.close();
    }
}
