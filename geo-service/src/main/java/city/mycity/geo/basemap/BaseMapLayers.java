package city.mycity.geo.basemap;

import city.mycity.citymodel.BaseMap;
import city.mycity.citymodel.BaseMap.MapFeature;
import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.GeoPoint;
import city.mycity.citymodel.Street;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The layers of the city's own base map as GeoJSON, encoded once: {@code roads} (by class, with their names), {@code
 * buildings}, {@code water} and {@code green}. A town's layers are small enough (a few megabytes at most) to send
 * whole; a client caches them.
 */
public final class BaseMapLayers {

    public static final List<String> NAMES = List.of("roads", "green", "water", "buildings");

    private final Map<MapFeature.Layer, Buffer> areas = new EnumMap<>(MapFeature.Layer.class);
    private final Buffer roads;

    public BaseMapLayers(CityModel city, BaseMap map) {
        JsonArray streets = new JsonArray();
        for (Street street : city.streets()) {
            JsonObject properties = new JsonObject()
                    .put("class", street.roadClass().name().toLowerCase(Locale.ROOT))
                    .put("name", street.name());
            streets.add(feature("LineString", line(street.points()), properties));
        }
        this.roads = collection(streets);
        for (MapFeature.Layer layer : MapFeature.Layer.values()) {
            JsonArray features = new JsonArray();
            for (MapFeature f : map.layer(layer)) {
                JsonObject properties = new JsonObject().put("kind", f.kind()).put("name", f.name());
                features.add(
                        f.area()
                                ? feature("Polygon", new JsonArray().add(line(f.points())), properties)
                                : feature("LineString", line(f.points()), properties));
            }
            areas.put(layer, collection(features));
        }
    }

    /** The GeoJSON of a layer by its name, if there is one. */
    public Optional<Buffer> layer(String name) {
        return switch (name) {
            case "roads" -> Optional.of(roads);
            case "green" -> Optional.of(areas.get(MapFeature.Layer.GREEN));
            case "water" -> Optional.of(areas.get(MapFeature.Layer.WATER));
            case "buildings" -> Optional.of(areas.get(MapFeature.Layer.BUILDINGS));
            default -> Optional.empty();
        };
    }

    private static JsonObject feature(String type, JsonArray coordinates, JsonObject properties) {
        return new JsonObject()
                .put("type", "Feature")
                .put("geometry", new JsonObject().put("type", type).put("coordinates", coordinates))
                .put("properties", properties);
    }

    private static JsonArray line(List<GeoPoint> points) {
        JsonArray line = new JsonArray();
        for (GeoPoint p : points) {
            // Six decimals: about 10 cm, plenty for a map.
            line.add(new JsonArray()
                    .add(Math.round(p.longitude() * 1e6) / 1e6)
                    .add(Math.round(p.latitude() * 1e6) / 1e6));
        }
        return line;
    }

    private static Buffer collection(JsonArray features) {
        return new JsonObject()
                .put("type", "FeatureCollection")
                .put("features", features)
                .toBuffer();
    }
}
