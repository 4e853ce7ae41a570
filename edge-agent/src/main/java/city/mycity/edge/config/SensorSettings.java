package city.mycity.edge.config;

import java.time.Duration;
import java.util.Map;

/**
 * What a sensor is told to do: how often to measure, and the thresholds past which it reports at once instead of
 * waiting for its next interval.
 *
 * @param interval the sampling interval
 * @param thresholds quantity name to threshold, in the quantity's unit
 */
public record SensorSettings(Duration interval, Map<String, Double> thresholds) {

    /** Every sensor's settings until a configuration says otherwise: every 5 minutes, no thresholds. */
    public static final SensorSettings DEFAULT = new SensorSettings(Duration.ofMinutes(5), Map.of());

    public SensorSettings {
        thresholds = Map.copyOf(thresholds);
    }

    /** These settings with what {@code over} sets laid on top: its interval if it has one, its thresholds added. */
    SensorSettings overlay(SensorOverride over) {
        Map<String, Double> merged = new java.util.TreeMap<>(thresholds);
        merged.putAll(over.thresholds());
        return new SensorSettings(over.interval() == null ? interval : over.interval(), merged);
    }
}
