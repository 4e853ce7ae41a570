package city.mycity.edge.config;

import java.time.Duration;
import java.util.Map;

/**
 * One entry of a configuration: for every sensor, a kind or one device, an interval (or {@code null}: unchanged) and
 * thresholds to add.
 */
public record SensorOverride(Duration interval, Map<String, Double> thresholds) {

    public SensorOverride {
        thresholds = Map.copyOf(thresholds);
    }
}
