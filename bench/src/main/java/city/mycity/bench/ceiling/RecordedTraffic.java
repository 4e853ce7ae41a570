package city.mycity.bench.ceiling;

import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.Sensor;
import city.mycity.reading.DeviceAddress;
import city.mycity.reading.Reading;
import city.mycity.reading.ResolvedRecord;
import city.mycity.reading.SenmlCodec;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.UplinkTopic;
import city.mycity.simulator.Simulator;
import city.mycity.simulator.fault.FaultProfile;
import city.mycity.simulator.transport.DeviceLink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The simulator's messages for the town, recorded once (faults off), so that the ceilings move exactly what the
 * pipeline moves: the same payloads through the broker, the same readings into the table.
 */
public final class RecordedTraffic {

    /** One message as it goes on the wire. */
    public record Payload(String topic, byte[] bytes, int readings) {}

    private record Sent(Sensor sensor, byte[] payload, SenmlPack pack) {}

    private final String tenant;
    private final List<Sent> messages;

    private RecordedTraffic(String tenant, List<Sent> messages) {
        this.tenant = tenant;
        this.messages = messages;
    }

    /** Records the first {@code messages} messages the town's devices send. */
    public static RecordedTraffic record(CityModel city, long seed, int messages) {
        List<Sent> sent = new ArrayList<>(messages);
        DeviceLink recorder = new DeviceLink() {
            @Override
            public CompletionStage<Void> send(String tenant, Sensor sensor, byte[] payload) {
                throw new UnsupportedOperationException("The simulator sends with the pack.");
            }

            @Override
            public CompletionStage<Void> send(String tenant, Sensor sensor, byte[] payload, SenmlPack pack) {
                sent.add(new Sent(sensor, payload, pack));
                return CompletableFuture.completedFuture(null);
            }
        };
        Simulator simulator = Simulator.builder()
                .city(city)
                .seed(seed)
                .link(recorder)
                .faults(FaultProfile.none())
                .messageRate(Double.POSITIVE_INFINITY)
                .meterRegistry(new SimpleMeterRegistry())
                .build();
        simulator.runUntil(messages);
        return new RecordedTraffic(city.tenant(), List.copyOf(sent));
    }

    /** Each message alone on its device topic, as the devices form sends it. */
    public List<Payload> deviceMessages() {
        return messages.stream()
                .map(m -> new Payload(
                        UplinkTopic.of(new DeviceAddress(
                                tenant, m.sensor().gateway(), m.sensor().id())),
                        m.payload(),
                        m.pack().records().size()))
                .toList();
    }

    /** The messages joined per gateway into packs of at most {@code maxReadings} readings, in order. */
    public List<Payload> gatewayPacks(int maxReadings) {
        Map<String, List<SenmlPack>> open = new LinkedHashMap<>();
        Map<String, Integer> readings = new LinkedHashMap<>();
        List<Payload> packs = new ArrayList<>();
        for (Sent message : messages) {
            String gateway = message.sensor().gateway();
            int size = message.pack().records().size();
            if (readings.getOrDefault(gateway, 0) + size > maxReadings) {
                packs.add(pack(gateway, open.remove(gateway)));
                readings.remove(gateway);
            }
            open.computeIfAbsent(gateway, g -> new ArrayList<>()).add(message.pack());
            readings.merge(gateway, size, Integer::sum);
        }
        open.forEach((gateway, joined) -> packs.add(pack(gateway, joined)));
        return packs;
    }

    private Payload pack(String gateway, List<SenmlPack> packs) {
        SenmlPack joined = SenmlPack.join(packs);
        return new Payload(
                UplinkTopic.ofGateway(tenant, gateway),
                SenmlCodec.json().encode(joined),
                joined.records().size());
    }

    /** Every reading the messages carry, as the job would store it, received at {@code receivedAt}. */
    public List<Reading> readings(Instant receivedAt) {
        String prefix = SenmlPack.tenantPrefixOf(tenant);
        List<Reading> out = new ArrayList<>();
        for (Sent message : messages) {
            for (ResolvedRecord record : message.pack().resolve()) {
                String rest = record.name().substring(prefix.length());
                int colon = rest.lastIndexOf(':');
                out.add(new Reading(
                        tenant,
                        message.sensor().gateway(),
                        rest.substring(0, colon),
                        message.sensor().kind(),
                        rest.substring(colon + 1),
                        record.value(),
                        record.unit(),
                        Instant.ofEpochMilli(Math.round(record.time() * 1000)),
                        record.sequence() == null ? -1 : record.sequence(),
                        receivedAt));
            }
        }
        return out;
    }

    public int messages() {
        return messages.size();
    }
}
