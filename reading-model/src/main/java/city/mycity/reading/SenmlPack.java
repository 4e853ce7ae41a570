package city.mycity.reading;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A SenML pack: the records one message carries, in order. */
public record SenmlPack(List<SenmlRecord> records) {

    public SenmlPack {
        records = List.copyOf(records);
    }

    /** The base name MyCity gives a device's records: {@code urn:dev:mycity:{tenant}:{device}:}. */
    public static String baseNameOf(String tenant, String device) {
        return tenantPrefixOf(tenant) + device + ":";
    }

    /** What every record name of a tenant's devices starts with: {@code urn:dev:mycity:{tenant}:}. */
    public static String tenantPrefixOf(String tenant) {
        return "urn:dev:mycity:" + tenant + ":";
    }

    /**
     * A pack of numeric measurements taken by one device at one instant: the first record carries the base name, the
     * base time and the device's sequence number.
     */
    public static SenmlPack of(String tenant, String device, Instant time, long sequence, List<SenmlRecord> values) {
        List<SenmlRecord> records = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            SenmlRecord record = values.get(i);
            if (i == 0) {
                record = record.withBase(baseNameOf(tenant, device), time.toEpochMilli() / 1000.0)
                        .withSequence(sequence);
            }
            records.add(record);
        }
        return new SenmlPack(records);
    }

    /**
     * This pack ready to be joined to others in a gateway pack: its base fields applied, so that none of them reaches
     * the records of the packs joined after it. The first record resets the base name and time ({@code "bn":""},
     * {@code "bt":0}); every record carries its full name, absolute time, unit, value and sequence number.
     */
    public SenmlPack selfContained() {
        List<ResolvedRecord> resolved = resolve();
        List<SenmlRecord> out = new ArrayList<>(resolved.size());
        for (int i = 0; i < resolved.size(); i++) {
            ResolvedRecord r = resolved.get(i);
            SenmlRecord original = records.get(i);
            SenmlRecord record = new SenmlRecord(
                    i == 0 ? "" : null,
                    i == 0 ? 0d : null,
                    null,
                    null,
                    null,
                    r.name(),
                    r.unit(),
                    r.value(),
                    original.stringValue(),
                    original.booleanValue(),
                    original.dataValue(),
                    null,
                    r.time(),
                    r.sequence());
            out.add(record);
        }
        return new SenmlPack(out);
    }

    /**
     * A gateway pack: the records of several devices' packs in one (see {@link UplinkTopic#ofGateway}). Each pack is
     * made {@link #selfContained()} first, so that no base field or sequence number passes from one device's records
     * to the next's.
     */
    public static SenmlPack join(List<SenmlPack> packs) {
        List<SenmlRecord> records = new ArrayList<>();
        for (SenmlPack pack : packs) {
            records.addAll(pack.selfContained().records());
        }
        return new SenmlPack(records);
    }

    /** The records with base fields applied (RFC 8428, section 4.6). */
    public List<ResolvedRecord> resolve() {
        return city.mycity.reading.internal.PackResolver.resolve(records);
    }
}
