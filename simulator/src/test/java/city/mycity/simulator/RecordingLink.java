package city.mycity.simulator;

import city.mycity.citymodel.Sensor;
import city.mycity.reading.DeviceAddress;
import city.mycity.reading.SenmlCodec;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.Uplink;
import city.mycity.reading.UplinkTopic;
import city.mycity.simulator.transport.DeviceLink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A link that keeps every message it is given, as the uplink a broker would deliver, and confirms it at once. */
public final class RecordingLink implements DeviceLink {

    public record Sent(String tenant, Sensor sensor, byte[] payload) {

        public Uplink uplink() {
            return new Uplink(
                    UplinkTopic.of(new DeviceAddress(tenant, sensor.gateway(), sensor.id())), payload, Instant.now());
        }

        /** The pack, for a payload that is one. */
        public SenmlPack pack() {
            return SenmlCodec.json().decode(payload).pack();
        }
    }

    private final List<Sent> sent = new ArrayList<>();

    @Override
    public synchronized CompletionStage<Void> send(String tenant, Sensor sensor, byte[] payload) {
        sent.add(new Sent(tenant, sensor, payload));
        return CompletableFuture.completedFuture(null);
    }

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }
}
