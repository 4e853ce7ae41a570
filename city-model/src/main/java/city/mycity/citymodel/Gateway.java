package city.mycity.citymodel;

/** An edge gateway: the sensors of its zone reach the platform through it. */
public record Gateway(String id, String zone, GeoPoint location) {}
