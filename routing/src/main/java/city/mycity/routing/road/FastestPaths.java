package city.mycity.routing.road;

import city.mycity.citymodel.GeoPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Fastest paths on a {@link RoadGraph} from one snapped place to others (Dijkstra by travel time, stopping once every
 * target is settled; the length is that of the fastest way). A place on a segment leaves it by whichever end the
 * segment's direction allows, and a target is reached from whichever end allows driving to it. Not thread-safe: one
 * per thread, reused from search to search.
 */
public final class FastestPaths {

    private final RoadGraph graph;
    private final double[] seconds;
    private final double[] metres;
    private final int[] previous;
    private final boolean[] settled;
    private final int[] needed;
    private final int[] touched;
    private int touchedCount;
    private int[] heapNode = new int[64];
    private double[] heapKey = new double[64];
    private int heapSize;

    FastestPaths(RoadGraph graph) {
        this.graph = graph;
        int n = graph.nodes();
        seconds = new double[n];
        metres = new double[n];
        previous = new int[n];
        settled = new boolean[n];
        needed = new int[n];
        touched = new int[n];
        Arrays.fill(seconds, Double.POSITIVE_INFINITY);
    }

    /** Driving from {@code source} to each target, in the targets' order. */
    public Travel[] from(Snap source, Snap[] targets) {
        return within(source, targets, Double.POSITIVE_INFINITY);
    }

    /**
     * Driving from {@code source} to each target that is at most {@code horizonSeconds} away, in the targets' order;
     * {@link Travel#UNREACHABLE} for those further (or not reachable). The search stops at the horizon, so asking
     * for the places near a motorist costs what the neighbourhood costs, not what the city does. A travel within the
     * horizon is exact: every junction nearer than the horizon has been settled.
     */
    public Travel[] within(Snap source, Snap[] targets, double horizonSeconds) {
        search(source, targets, horizonSeconds);
        Travel[] travels = new Travel[targets.length];
        for (int k = 0; k < targets.length; k++) {
            Travel travel = arrival(source, targets[k]).travel();
            travels[k] = travel.seconds() <= horizonSeconds ? travel : Travel.UNREACHABLE;
        }
        return travels;
    }

    /** The fastest way from one place to another, as the points driven through; empty points when unreachable. */
    public Way way(Snap from, Snap to) {
        search(from, new Snap[] {to}, Double.POSITIVE_INFINITY);
        Arrival arrival = arrival(from, to);
        if (!arrival.travel().reachable()) {
            return new Way(Travel.UNREACHABLE, List.of());
        }
        List<GeoPoint> points = new ArrayList<>();
        points.add(to.point());
        if (arrival.via() >= 0) {
            for (int node = arrival.via(); node >= 0; node = previous[node]) {
                points.add(graph.node(node));
            }
        }
        points.add(from.point());
        Collections.reverse(points);
        return new Way(arrival.travel(), List.copyOf(points));
    }

    /** A way driven: its travel and the points along it. */
    public record Way(Travel travel, List<GeoPoint> points) {}

    /** How a target is reached: the travel, and the node it is reached from ({@code -1}: along the source's segment). */
    private record Arrival(Travel travel, int via) {}

    private Arrival arrival(Snap source, Snap target) {
        int s = target.segment();
        double t = target.fraction();
        double best = Double.POSITIVE_INFINITY;
        double length = Double.POSITIVE_INFINITY;
        int via = -1;
        // A place at a segment's end is at the junction, reached by any street that leads there.
        int junction = t == 0 ? graph.segmentFrom[s] : t == 1 ? graph.segmentTo[s] : -1;
        if (junction >= 0 && seconds[junction] < best) {
            best = seconds[junction];
            length = metres[junction];
            via = junction;
        }
        if (graph.forward[s]) {
            int a = graph.segmentFrom[s];
            double time = seconds[a] + t * graph.segmentSeconds[s];
            if (time < best) {
                best = time;
                length = metres[a] + t * graph.segmentMetres[s];
                via = a;
            }
        }
        if (graph.backward[s]) {
            int b = graph.segmentTo[s];
            double time = seconds[b] + (1 - t) * graph.segmentSeconds[s];
            if (time < best) {
                best = time;
                length = metres[b] + (1 - t) * graph.segmentMetres[s];
                via = b;
            }
        }
        if (s == source.segment()) {
            double along = t - source.fraction();
            if ((along >= 0 && graph.forward[s]) || (along <= 0 && graph.backward[s])) {
                double time = Math.abs(along) * graph.segmentSeconds[s];
                if (time <= best) {
                    best = time;
                    length = Math.abs(along) * graph.segmentMetres[s];
                    via = -1;
                }
            }
        }
        return best == Double.POSITIVE_INFINITY
                ? new Arrival(Travel.UNREACHABLE, -1)
                : new Arrival(new Travel(best, length), via);
    }

    private void search(Snap source, Snap[] targets, double horizonSeconds) {
        reset();
        int remaining = 0;
        for (Snap target : targets) {
            int s = target.segment();
            if (target.fraction() == 0) {
                remaining += need(graph.segmentFrom[s]);
            } else if (target.fraction() == 1) {
                remaining += need(graph.segmentTo[s]);
            }
            if (graph.forward[s]) {
                remaining += need(graph.segmentFrom[s]);
            }
            if (graph.backward[s]) {
                remaining += need(graph.segmentTo[s]);
            }
        }
        int s = source.segment();
        double t = source.fraction();
        // A place at a segment's end is at the junction: it may leave by any street that meets there.
        if (t == 0) {
            reach(graph.segmentFrom[s], 0, 0, -1);
        } else if (t == 1) {
            reach(graph.segmentTo[s], 0, 0, -1);
        }
        if (graph.forward[s]) {
            reach(graph.segmentTo[s], (1 - t) * graph.segmentSeconds[s], (1 - t) * graph.segmentMetres[s], -1);
        }
        if (graph.backward[s]) {
            reach(graph.segmentFrom[s], t * graph.segmentSeconds[s], t * graph.segmentMetres[s], -1);
        }
        while (heapSize > 0 && remaining > 0) {
            int node = heapNode[0];
            double key = heapKey[0];
            pop();
            if (settled[node] || key > seconds[node]) {
                continue;
            }
            if (key > horizonSeconds) {
                break;
            }
            settled[node] = true;
            if (needed[node] > 0) {
                remaining--;
            }
            for (int e = graph.edgeStart[node]; e < graph.edgeStart[node + 1]; e++) {
                int to = graph.edgeTarget[e];
                if (!settled[to]) {
                    reach(to, key + graph.edgeSeconds[e], metres[node] + graph.edgeMetres[e], node);
                }
            }
        }
    }

    private int need(int node) {
        touch(node);
        return needed[node]++ == 0 ? 1 : 0;
    }

    private void reach(int node, double time, double length, int from) {
        if (time < seconds[node]) {
            touch(node);
            seconds[node] = time;
            metres[node] = length;
            previous[node] = from;
            push(node, time);
        }
    }

    private void touch(int node) {
        if (seconds[node] == Double.POSITIVE_INFINITY && needed[node] == 0 && !settled[node]) {
            touched[touchedCount++] = node;
        }
    }

    private void reset() {
        for (int i = 0; i < touchedCount; i++) {
            int node = touched[i];
            seconds[node] = Double.POSITIVE_INFINITY;
            metres[node] = Double.POSITIVE_INFINITY;
            previous[node] = -1;
            settled[node] = false;
            needed[node] = 0;
        }
        touchedCount = 0;
        heapSize = 0;
    }

    private void push(int node, double key) {
        if (heapSize == heapNode.length) {
            heapNode = Arrays.copyOf(heapNode, heapSize * 2);
            heapKey = Arrays.copyOf(heapKey, heapSize * 2);
        }
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heapKey[parent] <= key) {
                break;
            }
            heapNode[i] = heapNode[parent];
            heapKey[i] = heapKey[parent];
            i = parent;
        }
        heapNode[i] = node;
        heapKey[i] = key;
    }

    private void pop() {
        int lastNode = heapNode[--heapSize];
        double lastKey = heapKey[heapSize];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && heapKey[child + 1] < heapKey[child]) {
                child++;
            }
            if (heapKey[child] >= lastKey) {
                break;
            }
            heapNode[i] = heapNode[child];
            heapKey[i] = heapKey[child];
            i = child;
        }
        heapNode[i] = lastNode;
        heapKey[i] = lastKey;
    }
}
