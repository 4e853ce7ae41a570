package city.mycity.analytics.traffic;

import java.time.Instant;

/**
 * A counted segment's traffic in one window.
 *
 * @param start the window's start (device time)
 * @param vehiclesPerHour the flow, the window's count scaled to an hour
 * @param speed the mean of the window's speed readings, km/h, or NaN when no vehicle passed
 * @param level how the speed compares with the segment's typical speed at that hour and kind of day
 */
public record TrafficWindow(Instant start, double vehiclesPerHour, double speed, Level level) {

    public enum Level {
        /** Not learnt yet, or no vehicle passed. */
        UNKNOWN,
        /** At least {@value TrafficWatch#SLOW_BELOW} of the typical speed. */
        FREE,
        /** Slower than usual. */
        SLOW,
        /** Under {@value TrafficWatch#CONGESTED_BELOW} of the typical speed. */
        CONGESTED
    }
}
