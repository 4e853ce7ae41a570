package city.mycity.geo.parking;

import java.time.Instant;

/** A car park's last occupancy in one minute of device time. */
public record OccupancyPoint(Instant minute, int occupied, int bays) {

    /** The free bays, never negative. */
    public int free() {
        return Math.max(0, bays - occupied);
    }
}
