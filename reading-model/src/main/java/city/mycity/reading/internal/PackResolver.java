package city.mycity.reading.internal;

import city.mycity.reading.ResolvedRecord;
import city.mycity.reading.SenmlRecord;
import java.util.ArrayList;
import java.util.List;

/** Applies base fields to the records that follow them (RFC 8428, section 4.6). */
public final class PackResolver {

    private PackResolver() {}

    public static List<ResolvedRecord> resolve(List<SenmlRecord> records) {
        List<ResolvedRecord> resolved = new ArrayList<>(records.size());
        String baseName = "";
        double baseTime = 0;
        String baseUnit = null;
        Double baseValue = null;
        Long sequence = null;
        for (int i = 0; i < records.size(); i++) {
            SenmlRecord r = records.get(i);
            if (r.baseName() != null) {
                // A sequence number belongs to one device: a new base name (the next device of a gateway pack) starts
                // without one.
                baseName = r.baseName();
                sequence = null;
            }
            if (r.baseTime() != null) {
                baseTime = r.baseTime();
            }
            if (r.baseUnit() != null) {
                baseUnit = r.baseUnit();
            }
            if (r.baseValue() != null) {
                baseValue = r.baseValue();
            }
            if (r.sequence() != null) {
                sequence = r.sequence();
            }
            String name = baseName + (r.name() == null ? "" : r.name());
            String unit = r.unit() != null ? r.unit() : baseUnit;
            Double value = r.value();
            if (value != null && baseValue != null) {
                value = value + baseValue;
            } else if (value == null && !r.hasNonNumericValue() && r.sum() == null) {
                value = baseValue;
            }
            double time = baseTime + (r.time() == null ? 0 : r.time());
            resolved.add(new ResolvedRecord(name, unit, value, time, sequence, r.hasNonNumericValue(), i));
        }
        return resolved;
    }
}
