package city.mycity.citymodel;

import city.mycity.reading.SensorKind;

/**
 * A sensor installed in the city.
 *
 * @param site the car park an off-street bay belongs to, or {@code null}
 * @param street the street it stands on or measures (a counter's road segment, a water sensor's main), or {@code
 *     null}
 */
public record Sensor(
        String id, SensorKind kind, String zone, String gateway, String site, String street, GeoPoint location) {}
