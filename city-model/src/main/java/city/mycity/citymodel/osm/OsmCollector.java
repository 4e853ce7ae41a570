package city.mycity.citymodel.osm;

import city.mycity.citymodel.GeoPoint;
import city.mycity.citymodel.RoadClass;
import city.mycity.citymodel.Street;
import city.mycity.citymodel.placement.CityFeatures;
import city.mycity.citymodel.placement.ParkingSite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps, from any OSM reader, what a city model needs: highways as streets, {@code amenity=parking} nodes, closed
 * ways and multipolygons as parking sites, and {@code highway=traffic_signals} nodes.
 */
final class OsmCollector implements OsmHandler {

    private final Map<Long, GeoPoint> nodes = new HashMap<>();
    private final Map<Long, Ring> closedWays = new HashMap<>();
    private final List<Street> streets = new ArrayList<>();
    private final List<ParkingSite> parkingSites = new ArrayList<>();
    private final List<GeoPoint> signals = new ArrayList<>();
    private int missingNodes;

    @Override
    public void node(long id, double latitude, double longitude, Map<String, String> tags) {
        GeoPoint point = new GeoPoint(latitude, longitude);
        nodes.put(id, point);
        if ("parking".equals(tags.get("amenity"))) {
            parkingSites.add(new ParkingSite(tags.get("name"), point, ParkingCapacity.of(id, tags, 0)));
        }
        if ("traffic_signals".equals(tags.get("highway"))) {
            signals.add(point);
        }
    }

    @Override
    public void way(long id, long[] nodeIds, Map<String, String> tags) {
        List<GeoPoint> points = new ArrayList<>(nodeIds.length);
        for (long ref : nodeIds) {
            GeoPoint p = nodes.get(ref);
            if (p == null) {
                missingNodes++;
            } else {
                points.add(p);
            }
        }
        Optional<RoadClass> roadClass = RoadClass.fromOsm(tags.get("highway"));
        if (roadClass.isPresent() && points.size() >= 2) {
            streets.add(new Street(
                    "st-" + id,
                    tags.get("name"),
                    roadClass.get(),
                    points,
                    RoadTags.direction(tags, roadClass.get()),
                    RoadTags.maxspeedKmh(tags)));
        }
        boolean closed = nodeIds.length >= 4 && nodeIds[0] == nodeIds[nodeIds.length - 1] && points.size() >= 4;
        if (closed) {
            Ring ring = Ring.of(points);
            closedWays.put(id, ring);
            if ("parking".equals(tags.get("amenity"))) {
                parkingSites.add(
                        new ParkingSite(tags.get("name"), ring.centroid(), ParkingCapacity.of(id, tags, ring.area())));
            }
        }
    }

    @Override
    public void relation(long id, List<Member> members, Map<String, String> tags) {
        if (!"parking".equals(tags.get("amenity")) || !"multipolygon".equals(tags.get("type"))) {
            return;
        }
        double area = 0;
        double outerArea = 0;
        double lat = 0;
        double lon = 0;
        for (Member m : members) {
            Ring ring = "way".equals(m.type()) ? closedWays.get(m.ref()) : null;
            if (ring == null) {
                continue;
            }
            if ("inner".equals(m.role())) {
                area -= ring.area();
            } else {
                double weight = Math.max(ring.area(), 1e-9);
                area += ring.area();
                outerArea += weight;
                lat += ring.centroid().latitude() * weight;
                lon += ring.centroid().longitude() * weight;
            }
        }
        if (outerArea > 0) {
            GeoPoint centroid = new GeoPoint(lat / outerArea, lon / outerArea);
            parkingSites.add(
                    new ParkingSite(tags.get("name"), centroid, ParkingCapacity.of(id, tags, Math.max(0, area))));
        }
    }

    /** Way references to nodes the file does not hold (a clipped extract). */
    int missingNodes() {
        return missingNodes;
    }

    CityFeatures features() {
        return new CityFeatures(streets, parkingSites, signals);
    }
}
