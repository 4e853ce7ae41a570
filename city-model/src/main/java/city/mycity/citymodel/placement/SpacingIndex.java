package city.mycity.citymodel.placement;

import city.mycity.citymodel.GeoPoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The points placed so far, hashed into cells of the minimum gap, to keep devices of a kind apart. */
final class SpacingIndex {

    private final LocalFrame frame;
    private final double gap;
    private final Map<Long, List<double[]>> cells = new HashMap<>();

    SpacingIndex(LocalFrame frame, double gap) {
        this.frame = frame;
        this.gap = gap;
    }

    /** Whether no point added so far lies closer than the gap. */
    boolean isFree(GeoPoint p) {
        double x = frame.x(p);
        double y = frame.y(p);
        long cx = (long) Math.floor(x / gap);
        long cy = (long) Math.floor(y / gap);
        for (long i = cx - 1; i <= cx + 1; i++) {
            for (long j = cy - 1; j <= cy + 1; j++) {
                for (double[] q : cells.getOrDefault(key(i, j), List.of())) {
                    if (Math.hypot(q[0] - x, q[1] - y) < gap) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    void add(GeoPoint p) {
        double x = frame.x(p);
        double y = frame.y(p);
        cells.computeIfAbsent(key((long) Math.floor(x / gap), (long) Math.floor(y / gap)), k -> new ArrayList<>())
                .add(new double[] {x, y});
    }

    private static long key(long i, long j) {
        return i * 4_000_003L + j;
    }
}
