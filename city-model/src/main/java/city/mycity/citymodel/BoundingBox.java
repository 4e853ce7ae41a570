package city.mycity.citymodel;

/** A latitude/longitude rectangle, edges included. */
public record BoundingBox(double minLatitude, double minLongitude, double maxLatitude, double maxLongitude) {

    public BoundingBox {
        if (minLatitude > maxLatitude || minLongitude > maxLongitude) {
            throw new IllegalArgumentException("Bounding box minimum must not exceed its maximum: " + minLatitude + ","
                    + minLongitude + " > " + maxLatitude + "," + maxLongitude);
        }
    }

    public boolean contains(GeoPoint p) {
        return p.latitude() >= minLatitude
                && p.latitude() <= maxLatitude
                && p.longitude() >= minLongitude
                && p.longitude() <= maxLongitude;
    }

    public GeoPoint center() {
        return new GeoPoint((minLatitude + maxLatitude) / 2, (minLongitude + maxLongitude) / 2);
    }
}
