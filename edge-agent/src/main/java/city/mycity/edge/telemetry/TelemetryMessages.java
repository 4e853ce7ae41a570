package city.mycity.edge.telemetry;

import city.mycity.reading.SenmlPack;
import city.mycity.reading.SenmlRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the gateway's health and its sightings into readings, as SenML packs of their devices: one of the gateway
 * itself (a device of kind {@code gateway}: uptime, outbox depth and oldest age, evictions, CPU, memory), and one per
 * sensor heard from ({@code seen-ago}, seconds). A sensor's battery is not repeated here: the sensor reports it in
 * its own readings, and the same reading twice would be a duplicate.
 */
final class TelemetryMessages {

    private TelemetryMessages() {}

    /** A device's telemetry pack. */
    record Message(String device, SenmlPack pack) {}

    static List<Message> of(
            String tenant,
            String gateway,
            Instant at,
            long sequence,
            GatewayHealth health,
            Map<String, Long> lastSeen) {
        List<Message> messages = new ArrayList<>(lastSeen.size() + 1);
        List<SenmlRecord> own = new ArrayList<>(6);
        own.add(SenmlRecord.measurement("uptime", health.uptimeSeconds(), "s"));
        own.add(SenmlRecord.measurement("outbox-depth", health.outboxDepth(), "count"));
        own.add(SenmlRecord.measurement("outbox-oldest-age", health.outboxOldestAgeSeconds(), "s"));
        own.add(SenmlRecord.measurement("outbox-evicted", health.outboxEvicted(), "count"));
        if (health.cpuPercent() >= 0) {
            own.add(SenmlRecord.measurement("cpu", Math.min(100, health.cpuPercent()), "%"));
        }
        own.add(SenmlRecord.measurement("memory", health.memoryBytes(), "B"));
        messages.add(new Message(gateway, SenmlPack.of(tenant, gateway, at, sequence, own)));
        long now = at.toEpochMilli();
        new TreeMap<>(lastSeen).forEach((device, seenAt) -> {
            if (!device.equals(gateway)) {
                double ago = Math.max(0, now - seenAt) / 1000.0;
                messages.add(new Message(
                        device,
                        SenmlPack.of(
                                tenant, device, at, sequence, List.of(SenmlRecord.measurement("seen-ago", ago, "s")))));
            }
        });
        return messages;
    }
}
