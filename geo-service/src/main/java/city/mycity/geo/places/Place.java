package city.mycity.geo.places;

import city.mycity.citymodel.GeoPoint;

/**
 * A named place of the city that someone may type: a street, a car park or an area.
 *
 * @param kind {@code street}, {@code carpark} or {@code zone}
 * @param location a point on it: a street's middle, a car park's entrance, an area's centre
 */
public record Place(String name, String kind, GeoPoint location) {}
