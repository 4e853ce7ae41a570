package city.mycity.routing.road;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Travel times and lengths between every pair of places, row: from, column: to ({@link Double#POSITIVE_INFINITY}
 * where no road leads). One-way streets make it asymmetric.
 */
public record TravelMatrix(double[][] seconds, double[][] metres) {

    /** The matrix between snapped places, rows computed side by side on every processor. */
    public static TravelMatrix between(RoadGraph graph, List<Snap> places) {
        Snap[] targets = places.toArray(Snap[]::new);
        int n = targets.length;
        double[][] seconds = new double[n][];
        double[][] metres = new double[n][];
        // One search state per thread while this matrix is computed, then dropped with it.
        java.util.concurrent.ConcurrentLinkedQueue<FastestPaths> idle =
                new java.util.concurrent.ConcurrentLinkedQueue<>();
        IntStream.range(0, n).parallel().forEach(i -> {
            FastestPaths paths = idle.poll();
            if (paths == null) {
                paths = graph.fastestPaths();
            }
            Travel[] row = paths.from(targets[i], targets);
            idle.add(paths);
            seconds[i] = new double[n];
            metres[i] = new double[n];
            for (int j = 0; j < n; j++) {
                seconds[i][j] = row[j].seconds();
                metres[i][j] = row[j].metres();
            }
        });
        return new TravelMatrix(seconds, metres);
    }

    public int size() {
        return seconds.length;
    }
}
