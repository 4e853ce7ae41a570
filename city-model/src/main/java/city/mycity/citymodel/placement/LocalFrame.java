package city.mycity.citymodel.placement;

import city.mycity.citymodel.GeoPoint;

/**
 * A flat frame in metres (x east, y north) around an origin: exact enough over the few kilometres of a town, and
 * cheap.
 */
public record LocalFrame(GeoPoint origin) {

    private static final double METRES_PER_DEGREE = 6_371_008.8 * Math.PI / 180;

    public double x(GeoPoint p) {
        return (p.longitude() - origin.longitude()) * metresPerDegreeLongitude();
    }

    public double y(GeoPoint p) {
        return (p.latitude() - origin.latitude()) * METRES_PER_DEGREE;
    }

    public GeoPoint point(double x, double y) {
        return new GeoPoint(
                origin.latitude() + y / METRES_PER_DEGREE, origin.longitude() + x / metresPerDegreeLongitude());
    }

    /** The point {@code metres} away from {@code p} towards east and north. */
    public GeoPoint offset(GeoPoint p, double east, double north) {
        return point(x(p) + east, y(p) + north);
    }

    private double metresPerDegreeLongitude() {
        return METRES_PER_DEGREE * Math.cos(Math.toRadians(origin.latitude()));
    }
}
