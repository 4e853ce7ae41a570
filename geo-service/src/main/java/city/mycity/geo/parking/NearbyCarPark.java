package city.mycity.geo.parking;

/** A car park with free spaces and its straight-line distance from where the search started. */
public record NearbyCarPark(CarParkStatus carPark, double distanceMetres) {}
