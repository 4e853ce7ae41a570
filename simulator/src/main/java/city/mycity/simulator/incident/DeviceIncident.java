package city.mycity.simulator.incident;

/**
 * A problem one simulated device has for a while, so that the platform's alerts can be checked against it:
 *
 * <ul>
 *   <li>{@link Kind#DEAD}: the device sends nothing;
 *   <li>{@link Kind#STUCK}: the device keeps sending the values it measured at the start;
 *   <li>{@link Kind#CONGESTION}: a traffic counter's vehicles crawl, at {@code factor} times their speed;
 *   <li>{@link Kind#OVERFLOW}: a bin fills {@code factor} times faster (a market, a festival);
 *   <li>{@link Kind#OUT_OF_RANGE}: a broken probe: one record of each message carries a value outside its quantity's
 *       range, which the platform refuses (a vendor frame is spoilt instead).
 * </ul>
 *
 * @param startMillis when it starts, device time
 * @param endMillis when it is over ({@link Long#MAX_VALUE}: not in the run)
 */
public record DeviceIncident(String device, Kind kind, long startMillis, long endMillis, double factor) {

    public enum Kind {
        DEAD,
        STUCK,
        CONGESTION,
        OVERFLOW,
        OUT_OF_RANGE
    }

    public DeviceIncident {
        if (endMillis <= startMillis || !(factor > 0)) {
            throw new IllegalArgumentException("An incident must end after it starts, with a positive factor.");
        }
    }

    public boolean isActiveAt(long millis) {
        return millis >= startMillis && millis < endMillis;
    }

    /** Whether an incident of this kind is active at {@code millis} among {@code incidents}. */
    public static boolean anyActive(Iterable<DeviceIncident> incidents, Kind kind, long millis) {
        for (DeviceIncident incident : incidents) {
            if (incident.kind() == kind && incident.isActiveAt(millis)) {
                return true;
            }
        }
        return false;
    }

    /** The factor of the first incident of this kind active at {@code millis} among {@code incidents}, or 1. */
    public static double factorAt(Iterable<DeviceIncident> incidents, Kind kind, long millis) {
        for (DeviceIncident incident : incidents) {
            if (incident.kind() == kind && incident.isActiveAt(millis)) {
                return incident.factor();
            }
        }
        return 1;
    }
}
