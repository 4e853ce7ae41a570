package city.mycity.simulator.bins;

import city.mycity.simulator.device.DayClock;

/**
 * The refuse crew's daily round: it starts at {@link #START_HOUR} and reaches each bin at its own time within {@link
 * #DURATION_HOURS}, emptying the bins that are at least {@link #THRESHOLD_PERCENT} full (the sensors let it skip the
 * others).
 *
 * @param offsetHours when, after the round starts, the crew reaches this bin
 */
public record CollectionRound(double offsetHours) {

    public static final double START_HOUR = 6.0;
    public static final double DURATION_HOURS = 4.0;
    public static final double THRESHOLD_PERCENT = 40.0;

    public CollectionRound {
        if (offsetHours < 0 || offsetHours > DURATION_HOURS) {
            throw new IllegalArgumentException(
                    "Collection offset must be within the round's " + DURATION_HOURS + " hours: " + offsetHours);
        }
    }

    /** The bin's place in the round, as a share of it from 0 (first) to 1 (last). */
    public static CollectionRound at(double share) {
        return new CollectionRound(Math.max(0, Math.min(1, share)) * DURATION_HOURS);
    }

    /** When the crew reaches the bin on the given local day, in epoch milliseconds. */
    public long timeOn(DayClock clock, long localDay) {
        return clock.at(localDay, START_HOUR + offsetHours);
    }
}
