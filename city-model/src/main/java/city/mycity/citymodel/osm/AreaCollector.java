package city.mycity.citymodel.osm;

import city.mycity.citymodel.BaseMap;
import city.mycity.citymodel.BaseMap.MapFeature;
import city.mycity.citymodel.GeoPoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects a base map from an extract: buildings, water and green areas (closed ways with their tags), and waterways
 * (rivers, streams, canals, as lines). Multipolygon relations (large lakes, forests with holes) are not read.
 */
final class AreaCollector implements OsmHandler {

    private static final Set<String> GREEN_LEISURE =
            Set.of("park", "garden", "pitch", "playground", "recreation_ground", "nature_reserve", "golf_course");
    private static final Set<String> GREEN_LANDUSE = Set.of(
            "grass",
            "forest",
            "meadow",
            "recreation_ground",
            "village_green",
            "cemetery",
            "allotments",
            "orchard",
            "vineyard");
    private static final Set<String> GREEN_NATURAL = Set.of("wood", "scrub", "grassland", "heath");
    private static final Set<String> WATERWAYS = Set.of("river", "stream", "canal");

    private final Map<Long, GeoPoint> nodes = new HashMap<>();
    private final List<MapFeature> features = new ArrayList<>();

    @Override
    public void node(long id, double latitude, double longitude, Map<String, String> tags) {
        nodes.put(id, new GeoPoint(latitude, longitude));
    }

    @Override
    public void way(long id, long[] nodeIds, Map<String, String> tags) {
        if (tags == null || tags.isEmpty()) {
            return;
        }
        MapFeature.Layer layer = null;
        String kind = null;
        boolean area = true;
        if (tags.containsKey("building")) {
            layer = MapFeature.Layer.BUILDINGS;
            kind = tags.get("building");
        } else if ("water".equals(tags.get("natural"))
                || "riverbank".equals(tags.get("waterway"))
                || "reservoir".equals(tags.get("landuse"))
                || "basin".equals(tags.get("landuse"))) {
            layer = MapFeature.Layer.WATER;
            kind = tags.getOrDefault("water", "water");
        } else if (in(WATERWAYS, tags.get("waterway"))) {
            layer = MapFeature.Layer.WATER;
            kind = tags.get("waterway");
            area = false;
        } else if (in(GREEN_LEISURE, tags.get("leisure"))) {
            layer = MapFeature.Layer.GREEN;
            kind = tags.get("leisure");
        } else if (in(GREEN_LANDUSE, tags.get("landuse"))) {
            layer = MapFeature.Layer.GREEN;
            kind = tags.get("landuse");
        } else if (in(GREEN_NATURAL, tags.get("natural"))) {
            layer = MapFeature.Layer.GREEN;
            kind = tags.get("natural");
        }
        if (layer == null || nodeIds.length < 2) {
            return;
        }
        boolean closed = nodeIds[0] == nodeIds[nodeIds.length - 1];
        if (area && (!closed || nodeIds.length < 4)) {
            return;
        }
        List<GeoPoint> points = new ArrayList<>(nodeIds.length);
        for (long ref : nodeIds) {
            GeoPoint p = nodes.get(ref);
            if (p == null) {
                // A way cut by the extract's edge: drawn whole or not at all.
                return;
            }
            points.add(p);
        }
        features.add(new MapFeature(layer, kind, tags.get("name"), area, points));
    }

    @Override
    public void relation(long id, List<Member> members, Map<String, String> tags) {}

    private static boolean in(Set<String> values, String value) {
        return value != null && values.contains(value);
    }

    BaseMap baseMap() {
        return new BaseMap(features);
    }
}
