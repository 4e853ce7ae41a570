package city.mycity.stream.health;

import city.mycity.reading.Reading;
import city.mycity.reading.RefusalReason;
import city.mycity.stream.ingest.RefusalRow;

/**
 * A record refused as out of range, carried to a device's health watch on the readings' path: as a {@link Reading}
 * whose quantity is {@value #MARK} and the refused quantity's name, and whose unit is what the validator said. SenML
 * names never hold {@value #MARK}, so no accepted reading looks like one. It stands at the refused record's device
 * time, so that it takes its place among the device's readings.
 */
public final class OutOfRange {

    static final String MARK = "!";

    private OutOfRange() {}

    /** Whether a refusal is of one known device's record with a device time, for a value out of range only. */
    public static boolean is(RefusalRow refusal) {
        return refusal.reasons().length == 1
                && RefusalReason.VALUE_OUT_OF_RANGE.code().equals(refusal.reasons()[0])
                && refusal.deviceTime() != null
                && refusal.tenant() != null
                && refusal.device() != null
                && refusal.quantity() != null;
    }

    public static Reading asReading(RefusalRow refusal) {
        String detail = refusal.details().length == 0 ? "" : refusal.details()[0];
        return new Reading(
                refusal.tenant(),
                refusal.gateway(),
                refusal.device(),
                null,
                MARK + refusal.quantity(),
                Double.NaN,
                detail,
                refusal.deviceTime(),
                -1,
                refusal.receivedAt());
    }

    /** Whether a reading stands for a refused one. */
    public static boolean marks(Reading reading) {
        return reading.quantity().startsWith(MARK);
    }

    /** What was wrong with the refused reading a {@link #marks marking} reading stands for. */
    public static String detail(Reading marking) {
        return marking.unit();
    }
}
