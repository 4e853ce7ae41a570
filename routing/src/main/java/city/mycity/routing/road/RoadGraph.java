package city.mycity.routing.road;

import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.GeoPoint;
import city.mycity.citymodel.Street;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The city's roads as a directed graph: every point of every street is a node (streets that cross share the point
 * where they cross), every stretch between two points a segment, driven one way or both as the street allows, at
 * the speed {@link RoadSpeeds} gives it. Places are {@link #snap snapped} to the nearest point of a segment of the
 * largest part where every point can be driven to from every other ({@link Components}); {@link FastestPaths} finds
 * travel times from there. Immutable and thread-safe once built.
 */
public final class RoadGraph {

    /** Metres per degree of latitude, and of longitude at the equator. */
    private static final double METRES_PER_DEGREE = 111_320;

    final double[] x;
    final double[] y;
    final double[] latitude;
    final double[] longitude;
    final int[] segmentFrom;
    final int[] segmentTo;
    final boolean[] forward;
    final boolean[] backward;
    final double[] segmentMetres;
    final double[] segmentSeconds;
    /** Out-edges of node i are {@code edgeStart[i] .. edgeStart[i+1]-1}. */
    final int[] edgeStart;

    final int[] edgeTarget;
    final double[] edgeSeconds;
    final double[] edgeMetres;
    /** Whether a segment belongs to the largest strongly connected part: the only ones places are snapped to. */
    final boolean[] routable;

    private final double originLatitude;
    private final double originLongitude;
    private final double longitudeScale;
    private final SegmentGrid grid;

    private RoadGraph(List<Street> streets, RoadSpeeds speeds) {
        Map<GeoPoint, Integer> ids = new HashMap<>();
        List<GeoPoint> points = new ArrayList<>();
        int segments = 0;
        double sumLatitude = 0;
        double sumLongitude = 0;
        for (Street street : streets) {
            for (GeoPoint p : street.points()) {
                if (ids.putIfAbsent(p, points.size()) == null) {
                    points.add(p);
                    sumLatitude += p.latitude();
                    sumLongitude += p.longitude();
                }
            }
            segments += street.points().size() - 1;
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("A road graph needs at least one street.");
        }
        int n = points.size();
        originLatitude = sumLatitude / n;
        originLongitude = sumLongitude / n;
        longitudeScale = Math.cos(Math.toRadians(originLatitude));
        x = new double[n];
        y = new double[n];
        latitude = new double[n];
        longitude = new double[n];
        for (int i = 0; i < n; i++) {
            GeoPoint p = points.get(i);
            latitude[i] = p.latitude();
            longitude[i] = p.longitude();
            x[i] = projectX(p.longitude());
            y[i] = projectY(p.latitude());
        }
        segmentFrom = new int[segments];
        segmentTo = new int[segments];
        forward = new boolean[segments];
        backward = new boolean[segments];
        segmentMetres = new double[segments];
        segmentSeconds = new double[segments];
        int s = 0;
        int[] degree = new int[n];
        for (Street street : streets) {
            double speed = speeds.metresPerSecond(street);
            List<GeoPoint> line = street.points();
            for (int i = 1; i < line.size(); i++, s++) {
                int a = ids.get(line.get(i - 1));
                int b = ids.get(line.get(i));
                segmentFrom[s] = a;
                segmentTo[s] = b;
                forward[s] = street.direction().forward();
                backward[s] = street.direction().backward();
                segmentMetres[s] = line.get(i - 1).distanceTo(line.get(i));
                segmentSeconds[s] = segmentMetres[s] / speed;
                if (forward[s]) {
                    degree[a]++;
                }
                if (backward[s]) {
                    degree[b]++;
                }
            }
        }
        edgeStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            edgeStart[i + 1] = edgeStart[i] + degree[i];
        }
        int edges = edgeStart[n];
        edgeTarget = new int[edges];
        edgeSeconds = new double[edges];
        edgeMetres = new double[edges];
        int[] next = edgeStart.clone();
        for (int k = 0; k < segments; k++) {
            if (forward[k]) {
                add(next, segmentFrom[k], segmentTo[k], k);
            }
            if (backward[k]) {
                add(next, segmentTo[k], segmentFrom[k], k);
            }
        }
        boolean[] connected = Components.largest(n, edgeStart, edgeTarget);
        routable = new boolean[segments];
        for (int k = 0; k < segments; k++) {
            routable[k] = connected[segmentFrom[k]] && connected[segmentTo[k]];
        }
        grid = new SegmentGrid(this);
    }

    private void add(int[] next, int from, int to, int segment) {
        int e = next[from]++;
        edgeTarget[e] = to;
        edgeSeconds[e] = segmentSeconds[segment];
        edgeMetres[e] = segmentMetres[segment];
    }

    /** The city's streets, at typical urban speeds. */
    public static RoadGraph of(CityModel city) {
        return of(city.streets(), RoadSpeeds.URBAN);
    }

    public static RoadGraph of(List<Street> streets, RoadSpeeds speeds) {
        return new RoadGraph(streets, speeds);
    }

    public int nodes() {
        return x.length;
    }

    public int segments() {
        return segmentFrom.length;
    }

    double projectX(double lon) {
        return (lon - originLongitude) * METRES_PER_DEGREE * longitudeScale;
    }

    double projectY(double lat) {
        return (lat - originLatitude) * METRES_PER_DEGREE;
    }

    GeoPoint pointAt(double px, double py) {
        return new GeoPoint(
                originLatitude + py / METRES_PER_DEGREE, originLongitude + px / (METRES_PER_DEGREE * longitudeScale));
    }

    GeoPoint node(int i) {
        return new GeoPoint(latitude[i], longitude[i]);
    }

    /**
     * The nearest point of the roads to a place.
     *
     * @throws UnreachablePlaceException when no road is within {@code maxMetres}
     */
    public Snap snap(GeoPoint place, double maxMetres) {
        return grid.nearest(place, maxMetres);
    }

    /** Fastest paths from one place at a time; each instance is for one thread. */
    public FastestPaths fastestPaths() {
        return new FastestPaths(this);
    }
}
