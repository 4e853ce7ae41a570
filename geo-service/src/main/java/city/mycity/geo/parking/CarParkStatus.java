package city.mycity.geo.parking;

import city.mycity.citymodel.GeoPoint;
import java.time.Instant;
import java.util.List;

/**
 * A car park with its latest occupancy.
 *
 * @param occupied the occupied spaces, or {@code null} when no bay of the car park has reported yet
 * @param updated the time of the newest bay reading behind {@code occupied}, or {@code null} when there is none
 */
public record CarParkStatus(
        String id,
        String name,
        String zone,
        GeoPoint location,
        int capacity,
        Integer occupied,
        Instant updated,
        List<FreeSpacesForecast> forecast) {

    public CarParkStatus {
        forecast = List.copyOf(forecast);
    }

    /** A car park without forecasts. */
    public CarParkStatus(
            String id, String name, String zone, GeoPoint location, int capacity, Integer occupied, Instant updated) {
        this(id, name, zone, location, capacity, occupied, updated, List.of());
    }

    /** Whether occupancy data exists for this car park. */
    public boolean hasData() {
        return occupied != null;
    }

    /** The free spaces (capacity minus occupied, never negative), or {@code null} when there is no data yet. */
    public Integer free() {
        return occupied == null ? null : Math.max(0, capacity - occupied);
    }
}
