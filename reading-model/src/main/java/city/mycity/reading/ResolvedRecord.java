package city.mycity.reading;

/**
 * A SenML record after resolution (RFC 8428, section 4.6): base name, base time, base unit and base value applied.
 *
 * @param name the full name (base name + name)
 * @param unit the unit, or {@code null} when neither the record nor a base gives one
 * @param value the numeric value, or {@code null} when the record has none
 * @param time the absolute or relative time in seconds, 0 when none is given
 * @param sequence the device's sequence number, or {@code null}
 * @param nonNumeric whether the record carries a string, boolean or data value instead of a number
 * @param index the record's position in the pack, from 0
 */
public record ResolvedRecord(
        String name, String unit, Double value, double time, Long sequence, boolean nonNumeric, int index) {}
