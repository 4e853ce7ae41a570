package city.mycity.analytics.parking;

import java.time.LocalDateTime;

/**
 * How many spaces of a car park were occupied at a time of the city's own clock.
 *
 * @param time local time in the city
 * @param occupied occupied spaces, as the car park reported them (possibly above its capacity, or below zero)
 */
public record Observation(LocalDateTime time, double occupied) {

    public Observation {
        if (time == null) {
            throw new IllegalArgumentException("An observation must have a time.");
        }
    }
}
