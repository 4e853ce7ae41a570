package city.mycity.geo.sensorthings.query;

import city.mycity.geo.InvalidParameterException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Geometry literals of filters: well-known text, checked with JTS before any of it reaches the database. */
public final class Geometries {

    private Geometries() {}

    /** The text itself when it is valid well-known text; else an {@link InvalidParameterException}. */
    public static String checkWkt(String parameter, String wkt) {
        try {
            Geometry geometry = new WKTReader().read(wkt);
            if (geometry.isEmpty()) {
                throw new InvalidParameterException(parameter, parameter + ": the geometry '" + wkt + "' is empty.");
            }
            return wkt;
        } catch (ParseException e) {
            throw new InvalidParameterException(
                    parameter, parameter + ": '" + wkt + "' is not well-known text (" + e.getMessage() + ").");
        }
    }
}
