package city.mycity.geo.parking;

import java.time.Instant;

/**
 * The free spaces a car park is expected to have at a time, from the stream job's newest forecast.
 *
 * @param horizonMinutes how far ahead of its issue the forecast looks
 * @param issued when it was issued (device time)
 * @param free the free spaces expected at {@code issued + horizonMinutes}, rounded, never negative
 */
public record FreeSpacesForecast(int horizonMinutes, Instant issued, int free) {

    /** The time the forecast is for. */
    public Instant at() {
        return issued.plusSeconds(60L * horizonMinutes);
    }
}
