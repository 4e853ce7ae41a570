package city.mycity.reading;

/**
 * One SenML record (RFC 8428, section 4) as it appears on the wire: every field may be absent ({@code null}).
 *
 * <p>{@code sequence} is MyCity's extension field {@code seq}: the device's own counter, which lets every stage tell a
 * repeat from a new reading. Receivers that do not know it ignore it (RFC 8428, section 4.4).
 */
public record SenmlRecord(
        String baseName,
        Double baseTime,
        String baseUnit,
        Double baseValue,
        Integer baseVersion,
        String name,
        String unit,
        Double value,
        String stringValue,
        Boolean booleanValue,
        String dataValue,
        Double sum,
        Double time,
        Long sequence) {

    /** A record holding just a numeric measurement, for the common case. */
    public static SenmlRecord measurement(String name, double value, String unit) {
        return new SenmlRecord(null, null, null, null, null, name, unit, value, null, null, null, null, null, null);
    }

    public SenmlRecord withBase(String baseName, Double baseTime) {
        return new SenmlRecord(
                baseName,
                baseTime,
                baseUnit,
                baseValue,
                baseVersion,
                name,
                unit,
                value,
                stringValue,
                booleanValue,
                dataValue,
                sum,
                time,
                sequence);
    }

    public SenmlRecord withSequence(Long sequence) {
        return new SenmlRecord(
                baseName,
                baseTime,
                baseUnit,
                baseValue,
                baseVersion,
                name,
                unit,
                value,
                stringValue,
                booleanValue,
                dataValue,
                sum,
                time,
                sequence);
    }

    /** Whether the record carries a value of a type other than a plain number. */
    public boolean hasNonNumericValue() {
        return stringValue != null || booleanValue != null || dataValue != null;
    }
}
