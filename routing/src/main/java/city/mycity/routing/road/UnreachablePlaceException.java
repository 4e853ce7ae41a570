package city.mycity.routing.road;

import city.mycity.citymodel.GeoPoint;

/** A place with no road near enough to drive to or from it. */
public final class UnreachablePlaceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnreachablePlaceException(GeoPoint place, double maxMetres) {
        super("No road within " + Math.round(maxMetres) + " m of " + place.latitude() + ", " + place.longitude()
                + ": the place is outside the city's road network.");
    }
}
