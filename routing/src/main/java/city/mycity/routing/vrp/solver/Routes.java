package city.mycity.routing.vrp.solver;

import city.mycity.routing.vrp.Plan;
import city.mycity.routing.vrp.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The routes a search works on: each a growable array of customers, with its load and, when the problem has time
 * windows, each stop's earliest and latest service start, so that an insertion is checked in constant time. Not
 * thread-safe; one search owns it.
 */
final class Routes {

    /** What each route beyond the fleet costs: more than any plan within the fleet. */
    static final double EXCESS_ROUTE = 1e9;

    private final Problem problem;
    private final double[][] travel;
    private final double[][] times;
    private final int capacity;
    private final boolean windows;
    int[][] stops;
    int[] length;
    int[] load;
    /** Per route and position: the earliest service start (with windows). */
    double[][] earliest;
    /** Per route and position: the latest service start that keeps the rest of the route on time (with windows). */
    double[][] latest;

    int count;
    /** The route of each customer, -1 while it is out of every route. */
    final int[] routeOf;
    /** The position of each customer in its route. */
    final int[] positionOf;

    double cost;

    Routes(Problem problem, double[][] travel) {
        this.problem = problem;
        this.travel = travel;
        this.times = problem.times();
        this.capacity = problem.capacity();
        this.windows = problem.hasTimeWindows();
        int n = problem.size();
        stops = new int[n][];
        length = new int[n];
        load = new int[n];
        earliest = windows ? new double[n][] : null;
        latest = windows ? new double[n][] : null;
        routeOf = new int[n];
        positionOf = new int[n];
        Arrays.fill(routeOf, -1);
    }

    /** The plan's cost, with {@link #EXCESS_ROUTE} for each route beyond the fleet. */
    double objective() {
        return cost + EXCESS_ROUTE * Math.max(0, count - problem.vehicles());
    }

    void copyFrom(Routes other) {
        count = other.count;
        cost = other.cost;
        for (int r = 0; r < count; r++) {
            stops[r] = copy(stops[r], other.stops[r], other.length[r]);
            length[r] = other.length[r];
            load[r] = other.load[r];
            if (windows) {
                earliest[r] = copy(earliest[r], other.earliest[r], other.length[r]);
                latest[r] = copy(latest[r], other.latest[r], other.length[r]);
            }
        }
        System.arraycopy(other.routeOf, 0, routeOf, 0, routeOf.length);
        System.arraycopy(other.positionOf, 0, positionOf, 0, positionOf.length);
    }

    private static int[] copy(int[] into, int[] from, int n) {
        int[] target = into == null || into.length < n ? new int[Math.max(8, from.length)] : into;
        System.arraycopy(from, 0, target, 0, n);
        return target;
    }

    private static double[] copy(double[] into, double[] from, int n) {
        double[] target = into == null || into.length < n ? new double[Math.max(8, from.length)] : into;
        System.arraycopy(from, 0, target, 0, n);
        return target;
    }

    /** Takes these customers out of route {@code r} (marked in {@code out}), keeping the others in order. */
    void remove(int r, boolean[] out) {
        int[] route = stops[r];
        int kept = 0;
        double removedCost = 0;
        int previous = 0;
        int previousKept = 0;
        for (int i = 0; i < length[r]; i++) {
            int c = route[i];
            removedCost += travel[previous][c];
            previous = c;
            if (out[c]) {
                routeOf[c] = -1;
                load[r] -= problem.demand(c);
            } else {
                removedCost -= travel[previousKept][c];
                previousKept = c;
                route[kept] = c;
                positionOf[c] = kept;
                kept++;
            }
        }
        removedCost += travel[previous][0] - travel[previousKept][0];
        this.cost -= removedCost;
        length[r] = kept;
        refresh(r);
    }

    /** Drops the routes left empty, moving the last routes into their places. */
    void dropEmpty() {
        for (int r = count - 1; r >= 0; r--) {
            if (length[r] == 0) {
                int last = count - 1;
                if (r != last) {
                    swap(r, last);
                }
                count--;
            }
        }
    }

    private void swap(int a, int b) {
        int[] s = stops[a];
        stops[a] = stops[b];
        stops[b] = s;
        int l = length[a];
        length[a] = length[b];
        length[b] = l;
        int w = load[a];
        load[a] = load[b];
        load[b] = w;
        if (windows) {
            double[] e = earliest[a];
            earliest[a] = earliest[b];
            earliest[b] = e;
            double[] t = latest[a];
            latest[a] = latest[b];
            latest[b] = t;
        }
        for (int i = 0; i < length[a]; i++) {
            routeOf[stops[a][i]] = a;
        }
        for (int i = 0; i < length[b]; i++) {
            routeOf[stops[b][i]] = b;
        }
    }

    /** Whether {@code c} fits route {@code r} before position {@code i} (0..length) as far as time goes. */
    boolean onTime(int r, int i, int c) {
        if (!windows) {
            return true;
        }
        int before = i == 0 ? 0 : stops[r][i - 1];
        double leave = i == 0 ? problem.ready(0) : earliest[r][i - 1] + problem.service(before);
        double start = Math.max(leave + times[before][c], problem.ready(c));
        if (start > problem.due(c)) {
            return false;
        }
        int after = i == length[r] ? 0 : stops[r][i];
        double arrive = start + problem.service(c) + times[c][after];
        return arrive <= (i == length[r] ? problem.due(0) : latest[r][i]);
    }

    /** Whether {@code c} alone makes a route on time (always, for a problem that passed its checks). */
    boolean aloneOnTime(int c) {
        if (!windows) {
            return true;
        }
        double start = Math.max(problem.ready(0) + times[0][c], problem.ready(c));
        return start <= problem.due(c) && start + problem.service(c) + times[c][0] <= problem.due(0);
    }

    boolean fits(int r, int c) {
        return load[r] + problem.demand(c) <= capacity;
    }

    /** Puts {@code c} into route {@code r} before position {@code i}, at this change of cost. */
    void insert(int r, int i, int c, double delta) {
        int n = length[r];
        if (stops[r] == null || stops[r].length == n) {
            stops[r] = stops[r] == null ? new int[8] : Arrays.copyOf(stops[r], n * 2);
        }
        int[] route = stops[r];
        System.arraycopy(route, i, route, i + 1, n - i);
        route[i] = c;
        length[r] = n + 1;
        for (int k = i; k <= n; k++) {
            positionOf[route[k]] = k;
        }
        routeOf[c] = r;
        load[r] += problem.demand(c);
        cost += delta;
        refresh(r);
    }

    /** Opens a route for {@code c} alone. */
    void open(int c) {
        int r = count++;
        length[r] = 0;
        load[r] = 0;
        insert(r, 0, c, travel[0][c] + travel[c][0]);
    }

    private void refresh(int r) {
        if (!windows) {
            return;
        }
        int n = length[r];
        if (earliest[r] == null || earliest[r].length < stops[r].length) {
            earliest[r] = new double[stops[r].length];
            latest[r] = new double[stops[r].length];
        }
        int[] route = stops[r];
        double time = problem.ready(0);
        int previous = 0;
        for (int i = 0; i < n; i++) {
            int c = route[i];
            time = Math.max(time + problem.service(previous) + times[previous][c], problem.ready(c));
            earliest[r][i] = time;
            previous = c;
        }
        double bound = problem.due(0);
        int next = 0;
        for (int i = n - 1; i >= 0; i--) {
            int c = route[i];
            bound = Math.min(problem.due(c), bound - times[c][next] - problem.service(c));
            latest[r][i] = bound;
            next = c;
        }
    }

    Plan plan() {
        List<int[]> routes = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            routes.add(Arrays.copyOf(stops[r], length[r]));
        }
        return new Plan(routes);
    }
}
