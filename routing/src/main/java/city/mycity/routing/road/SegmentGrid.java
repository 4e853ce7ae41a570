package city.mycity.routing.road;

import city.mycity.citymodel.GeoPoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A grid of square cells over the road segments, to find the nearest segment to a place without looking at all. */
final class SegmentGrid {

    /** The side of a cell. */
    static final double CELL_METRES = 100;

    private final RoadGraph graph;
    private final Map<Long, int[]> cells = new HashMap<>();

    SegmentGrid(RoadGraph graph) {
        this.graph = graph;
        Map<Long, List<Integer>> building = new HashMap<>();
        for (int s = 0; s < graph.segmentFrom.length; s++) {
            double ax = graph.x[graph.segmentFrom[s]];
            double ay = graph.y[graph.segmentFrom[s]];
            double bx = graph.x[graph.segmentTo[s]];
            double by = graph.y[graph.segmentTo[s]];
            int minX = cell(Math.min(ax, bx));
            int maxX = cell(Math.max(ax, bx));
            int minY = cell(Math.min(ay, by));
            int maxY = cell(Math.max(ay, by));
            if (!graph.routable[s]) {
                continue;
            }
            for (int cx = minX; cx <= maxX; cx++) {
                for (int cy = minY; cy <= maxY; cy++) {
                    building.computeIfAbsent(key(cx, cy), k -> new ArrayList<>())
                            .add(s);
                }
            }
        }
        building.forEach((k, list) ->
                cells.put(k, list.stream().mapToInt(Integer::intValue).toArray()));
    }

    private static int cell(double metres) {
        return (int) Math.floor(metres / CELL_METRES);
    }

    private static long key(int cx, int cy) {
        return ((long) cx << 32) ^ (cy & 0xffffffffL);
    }

    Snap nearest(GeoPoint place, double maxMetres) {
        double px = graph.projectX(place.longitude());
        double py = graph.projectY(place.latitude());
        int cx = cell(px);
        int cy = cell(py);
        int bestSegment = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        double bestFraction = 0;
        int rings = (int) Math.ceil(maxMetres / CELL_METRES) + 1;
        for (int ring = 0; ring <= rings; ring++) {
            if (bestSegment >= 0 && (ring - 1) * CELL_METRES > bestDistance) {
                break;
            }
            for (int dx = -ring; dx <= ring; dx++) {
                for (int dy = -ring; dy <= ring; dy++) {
                    if (Math.max(Math.abs(dx), Math.abs(dy)) != ring) {
                        continue;
                    }
                    int[] segments = cells.get(key(cx + dx, cy + dy));
                    if (segments == null) {
                        continue;
                    }
                    for (int s : segments) {
                        double fraction = fraction(s, px, py);
                        double distance = distance(s, fraction, px, py);
                        if (distance < bestDistance || (distance == bestDistance && s < bestSegment)) {
                            bestDistance = distance;
                            bestSegment = s;
                            bestFraction = fraction;
                        }
                    }
                }
            }
        }
        if (bestSegment < 0 || bestDistance > maxMetres) {
            throw new UnreachablePlaceException(place, maxMetres);
        }
        double ax = graph.x[graph.segmentFrom[bestSegment]];
        double ay = graph.y[graph.segmentFrom[bestSegment]];
        double bx = graph.x[graph.segmentTo[bestSegment]];
        double by = graph.y[graph.segmentTo[bestSegment]];
        GeoPoint onRoad = graph.pointAt(ax + bestFraction * (bx - ax), ay + bestFraction * (by - ay));
        return new Snap(bestSegment, bestFraction, onRoad, bestDistance);
    }

    private double fraction(int s, double px, double py) {
        double ax = graph.x[graph.segmentFrom[s]];
        double ay = graph.y[graph.segmentFrom[s]];
        double dx = graph.x[graph.segmentTo[s]] - ax;
        double dy = graph.y[graph.segmentTo[s]] - ay;
        double squared = dx * dx + dy * dy;
        return squared == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / squared));
    }

    private double distance(int s, double fraction, double px, double py) {
        double ax = graph.x[graph.segmentFrom[s]];
        double ay = graph.y[graph.segmentFrom[s]];
        double qx = ax + fraction * (graph.x[graph.segmentTo[s]] - ax);
        double qy = ay + fraction * (graph.y[graph.segmentTo[s]] - ay);
        return Math.hypot(px - qx, py - qy);
    }
}
