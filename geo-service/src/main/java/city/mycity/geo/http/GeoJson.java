package city.mycity.geo.http;

import city.mycity.citymodel.BoundingBox;
import city.mycity.citymodel.GeoPoint;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** Builds GeoJSON (RFC 7946) objects: positions are {@code [longitude, latitude]}. */
public final class GeoJson {

    public static final String CONTENT_TYPE = "application/geo+json";

    private GeoJson() {}

    public static JsonArray position(GeoPoint p) {
        return new JsonArray().add(round(p.longitude())).add(round(p.latitude()));
    }

    public static JsonObject point(GeoPoint p) {
        return new JsonObject().put("type", "Point").put("coordinates", position(p));
    }

    public static JsonObject lineString(List<GeoPoint> points) {
        JsonArray coordinates = new JsonArray();
        points.forEach(p -> coordinates.add(position(p)));
        return new JsonObject().put("type", "LineString").put("coordinates", coordinates);
    }

    public static JsonObject feature(String id, JsonObject geometry, JsonObject properties) {
        return new JsonObject()
                .put("type", "Feature")
                .put("id", id)
                .put("geometry", geometry)
                .put("properties", properties);
    }

    public static JsonObject collection(List<JsonObject> features) {
        return new JsonObject().put("type", "FeatureCollection").put("features", new JsonArray(List.copyOf(features)));
    }

    /** {@code [minLon, minLat, maxLon, maxLat]}, the GeoJSON bbox order. */
    public static JsonArray bbox(BoundingBox b) {
        return new JsonArray()
                .add(b.minLongitude())
                .add(b.minLatitude())
                .add(b.maxLongitude())
                .add(b.maxLatitude());
    }

    /** ISO-8601 text, or {@code null}. */
    public static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** Seven decimals: about a centimetre, plenty for a sensor. */
    private static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }
}
