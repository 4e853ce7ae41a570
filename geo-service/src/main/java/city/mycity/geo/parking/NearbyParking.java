package city.mycity.geo.parking;

import city.mycity.citymodel.GeoPoint;
import city.mycity.routing.road.Travel;

/**
 * A place to park with free spaces near where the search started: a car park (with its status and forecast) or a
 * street with free bays (located at the bay reached first).
 *
 * @param carPark the car park, or {@code null} for a street
 * @param distanceMetres the straight-line distance
 * @param driving the drive there, or {@code null} when the city has no road graph
 */
public record NearbyParking(
        String kind,
        String id,
        String name,
        GeoPoint location,
        int free,
        CarParkStatus carPark,
        double distanceMetres,
        Travel driving) {

    public static final String CAR_PARK = "car_park";
    public static final String STREET = "street";
}
