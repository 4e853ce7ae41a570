package city.mycity.geo.sensors;

import java.time.Instant;

/** The latest value of one quantity of a sensor, from {@code sensor_state}. */
public record SensorState(String quantity, double value, String unit, Instant time) {}
