package city.mycity.geo.sensors;

import city.mycity.citymodel.GeoPoint;
import java.util.List;

/**
 * A registered sensor with its latest state.
 *
 * @param kind the sensor kind's code, e.g. {@code parking-bay}
 * @param site the car park of an off-street bay, or {@code null}
 * @param state the latest value per quantity, empty when the sensor has not reported yet
 */
public record SensorView(String id, String kind, String zone, String site, GeoPoint location, List<SensorState> state) {

    public SensorView {
        state = List.copyOf(state);
    }
}
