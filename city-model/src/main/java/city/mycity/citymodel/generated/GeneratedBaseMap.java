package city.mycity.citymodel.generated;

import city.mycity.citymodel.BaseMap;
import city.mycity.citymodel.BaseMap.MapFeature;
import city.mycity.citymodel.BoundingBox;
import city.mycity.citymodel.City;
import city.mycity.citymodel.GeoPoint;
import city.mycity.citymodel.Street;
import java.util.ArrayList;
import java.util.List;

/**
 * A base map for a town that has no extract: houses along its streets (set back from the road, never on another
 * street), a park, a pond and a brook along its southern edge. Worked out from the streets alone, so the same town
 * always gets the same map.
 */
public final class GeneratedBaseMap {

    private static final double METRES_PER_DEGREE = 111_320;
    private static final double SPACING = 28;
    private static final double SETBACK = 20;
    private static final double HALF_WIDTH = 6;
    private static final double HALF_DEPTH = 5;
    private static final double CLEARANCE = 5;

    private final double lat0;
    private final double cos;
    private final List<double[]> segments = new ArrayList<>();

    private GeneratedBaseMap(City city) {
        this.lat0 = (city.bounds().minLatitude() + city.bounds().maxLatitude()) / 2;
        this.cos = Math.cos(Math.toRadians(lat0));
        for (Street street : city.streets()) {
            List<GeoPoint> p = street.points();
            for (int i = 1; i < p.size(); i++) {
                double[] a = xy(p.get(i - 1));
                double[] b = xy(p.get(i));
                segments.add(new double[] {a[0], a[1], b[0], b[1]});
            }
        }
    }

    public static BaseMap of(City city) {
        return new GeneratedBaseMap(city).build(city.bounds());
    }

    private BaseMap build(BoundingBox bounds) {
        double[] sw = xy(new GeoPoint(bounds.minLatitude(), bounds.minLongitude()));
        double[] ne = xy(new GeoPoint(bounds.maxLatitude(), bounds.maxLongitude()));
        double width = ne[0] - sw[0];
        double height = ne[1] - sw[1];
        double[] park = {sw[0] + width * 0.62, sw[1] + height * 0.62};
        double parkRadius = Math.min(width, height) * 0.07;
        double[] pond = {sw[0] + width * 0.3, sw[1] + height * 0.3};
        double pondRadius = Math.min(width, height) * 0.04;
        List<MapFeature> features = new ArrayList<>();
        features.add(new MapFeature(MapFeature.Layer.GREEN, "park", "Town Park", true, circle(park, parkRadius, 10)));
        features.add(new MapFeature(MapFeature.Layer.WATER, "pond", "Mill Pond", true, circle(pond, pondRadius, 12)));
        List<GeoPoint> brook = new ArrayList<>();
        for (int i = 0; i <= 24; i++) {
            double x = sw[0] + width * i / 24.0;
            double y = sw[1] + height * (0.04 + 0.015 * Math.sin(i * 0.9));
            brook.add(point(x, y));
        }
        features.add(new MapFeature(MapFeature.Layer.WATER, "stream", "Mill Brook", false, brook));
        for (double[] s : segments) {
            double dx = s[2] - s[0];
            double dy = s[3] - s[1];
            double length = Math.hypot(dx, dy);
            if (length < SPACING) {
                continue;
            }
            double ux = dx / length;
            double uy = dy / length;
            for (double along = SPACING / 2; along < length - SPACING / 2; along += SPACING) {
                for (int side = -1; side <= 1; side += 2) {
                    double cx = s[0] + ux * along - uy * SETBACK * side;
                    double cy = s[1] + uy * along + ux * SETBACK * side;
                    if (near(cx, cy, park, parkRadius + 10) || near(cx, cy, pond, pondRadius + 10)) {
                        continue;
                    }
                    if (clearOfStreets(cx, cy) && inside(cx, cy, sw, ne)) {
                        features.add(
                                new MapFeature(MapFeature.Layer.BUILDINGS, "house", null, true, house(cx, cy, ux, uy)));
                    }
                }
            }
        }
        return new BaseMap(features);
    }

    private List<GeoPoint> house(double cx, double cy, double ux, double uy) {
        List<GeoPoint> ring = new ArrayList<>(5);
        double[][] corners = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}, {-1, -1}};
        for (double[] c : corners) {
            double along = c[0] * HALF_WIDTH;
            double across = c[1] * HALF_DEPTH;
            ring.add(point(cx + ux * along - uy * across, cy + uy * along + ux * across));
        }
        return ring;
    }

    private List<GeoPoint> circle(double[] centre, double radius, int sides) {
        List<GeoPoint> ring = new ArrayList<>(sides + 1);
        for (int i = 0; i <= sides; i++) {
            double a = 2 * Math.PI * (i % sides) / sides;
            double wobble = 1 + 0.12 * Math.sin(3 * a);
            ring.add(point(centre[0] + Math.cos(a) * radius * wobble, centre[1] + Math.sin(a) * radius * wobble));
        }
        return ring;
    }

    private boolean clearOfStreets(double x, double y) {
        double need = CLEARANCE + Math.hypot(HALF_WIDTH, HALF_DEPTH);
        for (double[] s : segments) {
            if (distance(x, y, s) < need) {
                return false;
            }
        }
        return true;
    }

    private static boolean near(double x, double y, double[] centre, double radius) {
        return Math.hypot(x - centre[0], y - centre[1]) < radius;
    }

    private static boolean inside(double x, double y, double[] sw, double[] ne) {
        return x > sw[0] && x < ne[0] && y > sw[1] && y < ne[1];
    }

    private static double distance(double x, double y, double[] s) {
        double dx = s[2] - s[0];
        double dy = s[3] - s[1];
        double t = ((x - s[0]) * dx + (y - s[1]) * dy) / (dx * dx + dy * dy);
        t = Math.max(0, Math.min(1, t));
        return Math.hypot(x - (s[0] + t * dx), y - (s[1] + t * dy));
    }

    private double[] xy(GeoPoint p) {
        return new double[] {p.longitude() * cos * METRES_PER_DEGREE, (p.latitude() - lat0) * METRES_PER_DEGREE};
    }

    private GeoPoint point(double x, double y) {
        return new GeoPoint(lat0 + y / METRES_PER_DEGREE, x / (cos * METRES_PER_DEGREE));
    }
}
