package city.mycity.edge.config;

import java.util.Map;

/**
 * A gateway's configuration, as the platform publishes it on the gateway's retained config topic: a version that
 * only grows, and sensor settings for every sensor, per kind and per device (the most specific wins).
 *
 * @param version the configuration's version, from 1; a gateway never goes back to a lower one
 * @param every what applies to every sensor, or {@code null}
 * @param byKind per sensor kind code ({@code bin}, {@code parking-bay}, ...)
 * @param byDevice per device id
 */
public record GatewayConfig(
        long version, SensorOverride every, Map<String, SensorOverride> byKind, Map<String, SensorOverride> byDevice) {

    /** What a gateway runs before it has received any configuration: version 0, the defaults. */
    public static final GatewayConfig INITIAL = new GatewayConfig(0, null, Map.of(), Map.of());

    public GatewayConfig {
        byKind = Map.copyOf(byKind);
        byDevice = Map.copyOf(byDevice);
    }

    /**
     * One sensor's settings: the defaults, overlaid with what applies to every sensor, then to its kind (when known),
     * then to the device itself.
     *
     * @param kind the sensor's kind code, or {@code null} when the gateway does not know it
     */
    public SensorSettings settingsFor(String device, String kind) {
        SensorSettings settings = SensorSettings.DEFAULT;
        if (every != null) {
            settings = settings.overlay(every);
        }
        if (kind != null && byKind.containsKey(kind)) {
            settings = settings.overlay(byKind.get(kind));
        }
        if (byDevice.containsKey(device)) {
            settings = settings.overlay(byDevice.get(device));
        }
        return settings;
    }
}
