package city.mycity.geo.sensors;

import java.util.List;

/**
 * The sensors a query found, at most its limit.
 *
 * @param truncated whether more sensors matched than were returned
 */
public record SensorPage(List<SensorView> sensors, boolean truncated) {

    public SensorPage {
        sensors = List.copyOf(sensors);
    }
}
