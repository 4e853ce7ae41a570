package city.mycity.geo.rounds;

/**
 * Orders the stops left of a round from where the truck is to where it ends (the depot) over road travel times: the
 * nearest stop next each time, then 2-opt (reverse a stretch of the order while that makes the drive shorter). Quick
 * (a round's tens of stops in milliseconds), not optimal; one-way streets are taken into account, since every change
 * is costed on the whole path.
 */
public final class StopOrder {

    /** A leg with no road: costly enough to be avoided, finite so that sums compare. */
    static final double NO_ROAD = 1e9;

    private StopOrder() {}

    /**
     * The order in which to visit places {@code 1..n}.
     *
     * @param seconds travel times between places, row: from, column: to; place 0 is the start, place {@code n + 1}
     *     the end, {@code 1..n} the stops
     * @return the stops' indices, {@code 1..n}, in the order to visit them
     */
    public static int[] of(double[][] seconds) {
        int end = seconds.length - 1;
        int n = end - 1;
        if (n < 0) {
            throw new IllegalArgumentException("The travel times need at least a start and an end.");
        }
        int[] order = nearestFirst(seconds, n);
        improve(seconds, order, end);
        return order;
    }

    private static int[] nearestFirst(double[][] seconds, int n) {
        int[] order = new int[n];
        boolean[] done = new boolean[n + 1];
        int here = 0;
        for (int k = 0; k < n; k++) {
            int best = -1;
            for (int j = 1; j <= n; j++) {
                if (!done[j] && (best < 0 || leg(seconds, here, j) < leg(seconds, here, best))) {
                    best = j;
                }
            }
            order[k] = best;
            done[best] = true;
            here = best;
        }
        return order;
    }

    private static void improve(double[][] seconds, int[] order, int end) {
        double best = cost(seconds, order, end);
        boolean better = true;
        for (int pass = 0; better && pass < 50; pass++) {
            better = false;
            for (int i = 0; i < order.length - 1; i++) {
                for (int j = i + 1; j < order.length; j++) {
                    reverse(order, i, j);
                    double cost = cost(seconds, order, end);
                    if (cost < best - 1e-9) {
                        best = cost;
                        better = true;
                    } else {
                        reverse(order, i, j);
                    }
                }
            }
        }
    }

    /** Seconds from the start through the stops in this order to the end. */
    static double cost(double[][] seconds, int[] order, int end) {
        double total = 0;
        int here = 0;
        for (int stop : order) {
            total += leg(seconds, here, stop);
            here = stop;
        }
        return total + leg(seconds, here, end);
    }

    private static double leg(double[][] seconds, int from, int to) {
        double s = seconds[from][to];
        return Double.isFinite(s) ? s : NO_ROAD;
    }

    private static void reverse(int[] order, int i, int j) {
        for (; i < j; i++, j--) {
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
