package city.mycity.citymodel;

/**
 * An off-street car park. Each of its spaces has a bay sensor whose {@link Sensor#site()} is this car park's id.
 *
 * @param capacity the number of spaces (and so of bay sensors)
 */
public record CarPark(String id, String name, String zone, GeoPoint location, int capacity) {}
