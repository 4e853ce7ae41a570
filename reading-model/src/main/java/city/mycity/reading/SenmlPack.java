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
        return "urn:dev:mycity:" + tenant + ":" + device + ":";
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

    /** The records with base fields applied (RFC 8428, section 4.6). */
    public List<ResolvedRecord> resolve() {
        return city.mycity.reading.internal.PackResolver.resolve(records);
    }
}
