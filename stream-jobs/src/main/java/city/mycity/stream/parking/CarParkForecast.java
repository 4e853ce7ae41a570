package city.mycity.stream.parking;

import java.time.Instant;

/**
 * A car park's expected occupancy {@code horizonMinutes} after {@code issuedAt} (device time).
 *
 * @param occupied the occupied bays expected, within 0 and {@code bays}
 * @param bays the car park's bays when the forecast was issued
 */
public record CarParkForecast(
        String tenant, String carPark, int horizonMinutes, Instant issuedAt, double occupied, int bays) {

    /** The free bays expected, rounded. */
    public int free() {
        return (int) Math.round(bays - occupied);
    }
}
