package city.mycity.routing.vrp.solver;

import city.mycity.routing.vrp.Problem;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One ruin-and-recreate search with string removals (after Christiaens and Vanden Berghe, "Slack induction by string
 * removals for vehicle routing problems", Transportation Science 54(2), 2020): each step removes a few strings of
 * consecutive customers from routes near a random customer, puts the removed back one by one at their cheapest
 * place (skipping a place now and then), and keeps the result by simulated annealing. Single-threaded, and
 * deterministic for its seed and schedule.
 */
final class Search {

    /** The mean number of customers removed per step. */
    static final double MEAN_REMOVED = 10;
    /** The longest string removed. */
    static final int LONGEST_STRING = 10;
    /** How often a string keeps some of its customers ("split string"). */
    static final double SPLIT_RATE = 0.5;
    /** The chance to stop growing the kept part of a split string at each customer. */
    static final double SPLIT_DEPTH = 0.01;
    /** The chance to skip a place while looking for the cheapest. */
    static final double BLINK_RATE = 0.01;

    private final Problem problem;
    private final double[][] cost;
    private final SplittableRandom random;
    private final int n;
    /** Each customer's customers by distance, itself first. */
    private final int[][] near;

    private final double startTemperature;
    private final double endTemperature;
    private Routes current;
    private Routes candidate;
    private final Routes best;
    private final boolean[] out;
    private final boolean[] ruined;
    private final int[] removed;
    private int removedCount;
    private long steps;

    Search(Problem problem, double[][] cost, long seed) {
        this.problem = problem;
        this.cost = cost;
        this.random = new SplittableRandom(seed);
        this.n = problem.customers();
        this.near = nearest(cost, n);
        double mean = meanDistance(cost, n);
        // Scaled to the instance: 100 and 1 on the X instances, where customers are about 500 apart.
        this.startTemperature = mean / 5;
        this.endTemperature = mean / 500;
        this.current = new Routes(problem, cost);
        this.candidate = new Routes(problem, cost);
        this.best = new Routes(problem, cost);
        this.out = new boolean[n + 1];
        this.ruined = new boolean[n + 1];
        this.removed = new int[n];
        for (int c = 1; c <= n; c++) {
            removed[removedCount++] = c;
        }
        recreate(current);
        best.copyFrom(current);
    }

    private static int[][] nearest(double[][] cost, int n) {
        int[][] near = new int[n + 1][];
        for (int c = 1; c <= n; c++) {
            Integer[] others = new Integer[n];
            for (int i = 0; i < n; i++) {
                others[i] = i + 1;
            }
            int from = c;
            Arrays.sort(
                    others, (a, b) -> a == from ? -1 : b == from ? 1 : Double.compare(cost[from][a], cost[from][b]));
            near[c] = Arrays.stream(others).mapToInt(Integer::intValue).toArray();
        }
        return near;
    }

    private static double meanDistance(double[][] cost, int n) {
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= n; j++) {
                sum += cost[i][j];
            }
        }
        return Math.max(1e-9, sum / ((n + 1.0) * (n + 1.0)));
    }

    /** One step at this point of the schedule (0: the start, 1: the end); true when it found a new best. */
    boolean step(double progress) {
        steps++;
        double temperature = startTemperature * Math.pow(endTemperature / startTemperature, Math.min(1, progress));
        candidate.copyFrom(current);
        ruin(candidate);
        recreate(candidate);
        if (candidate.objective() < current.objective() - temperature * Math.log(random.nextDouble())) {
            Routes accepted = candidate;
            candidate = current;
            current = accepted;
            if (current.objective() < best.objective() - 1e-9) {
                best.copyFrom(current);
                return true;
            }
        }
        return false;
    }

    Routes best() {
        return best;
    }

    long steps() {
        return steps;
    }

    private void ruin(Routes routes) {
        double meanLength = n / (double) Math.max(1, routes.count);
        double longest = Math.min(LONGEST_STRING, meanLength);
        double mostStrings = 4 * MEAN_REMOVED / (1 + longest) - 1;
        int strings = (int) (1 + random.nextDouble() * mostStrings);
        int seed = 1 + random.nextInt(n);
        Arrays.fill(ruined, false);
        removedCount = 0;
        int ruinedRoutes = 0;
        for (int c : near[seed]) {
            if (ruinedRoutes >= strings) {
                break;
            }
            int r = routes.routeOf[c];
            if (r < 0 || ruined[r]) {
                continue;
            }
            int size = routes.length[r];
            int length = (int) (1 + random.nextDouble() * Math.min(size, longest));
            if (length == size || random.nextDouble() < SPLIT_RATE) {
                removeString(routes, r, c, length);
            } else {
                removeSplitString(routes, r, c, length);
            }
            ruined[r] = true;
            ruinedRoutes++;
        }
        routes.dropEmpty();
    }

    private void removeString(Routes routes, int r, int c, int length) {
        int first = firstOfWindow(routes, r, c, length);
        mark(routes, r, first, length, -1, 0);
    }

    private void removeSplitString(Routes routes, int r, int c, int length) {
        int size = routes.length[r];
        int kept = 1;
        while (length + kept < size && random.nextDouble() > SPLIT_DEPTH) {
            kept++;
        }
        int window = length + kept;
        int first = firstOfWindow(routes, r, c, window);
        int keptFrom = first + random.nextInt(window - kept + 1);
        mark(routes, r, first, window, keptFrom, kept);
    }

    /** The first position of a window of {@code length} positions of route {@code r} that holds {@code c}. */
    private int firstOfWindow(Routes routes, int r, int c, int length) {
        int position = routes.positionOf[c];
        int lowest = Math.max(0, position - length + 1);
        int highest = Math.min(position, routes.length[r] - length);
        return lowest + random.nextInt(highest - lowest + 1);
    }

    /** Removes positions {@code first..first+length-1} of route r but the {@code kept} from {@code keptFrom}. */
    private void mark(Routes routes, int r, int first, int length, int keptFrom, int kept) {
        for (int i = first; i < first + length; i++) {
            if (i >= keptFrom && i < keptFrom + kept) {
                continue;
            }
            int customer = routes.stops[r][i];
            out[customer] = true;
            removed[removedCount++] = customer;
        }
        routes.remove(r, out);
        for (int i = 0; i < removedCount; i++) {
            out[removed[i]] = false;
        }
    }

    private void recreate(Routes routes) {
        order();
        for (int k = 0; k < removedCount; k++) {
            int c = removed[k];
            int bestRoute = -1;
            int bestPosition = -1;
            double bestDelta = Double.POSITIVE_INFINITY;
            for (int r = 0; r < routes.count; r++) {
                if (!routes.fits(r, c)) {
                    continue;
                }
                int[] route = routes.stops[r];
                int size = routes.length[r];
                int before = 0;
                for (int i = 0; i <= size; i++) {
                    int after = i == size ? 0 : route[i];
                    if (random.nextDouble() >= BLINK_RATE) {
                        double delta = cost[before][c] + cost[c][after] - cost[before][after];
                        if (delta < bestDelta && routes.onTime(r, i, c)) {
                            bestDelta = delta;
                            bestRoute = r;
                            bestPosition = i;
                        }
                    }
                    before = after;
                }
            }
            if (bestRoute >= 0) {
                routes.insert(bestRoute, bestPosition, c, bestDelta);
            } else {
                routes.open(c); // beyond the fleet, the objective's penalty sends the search back within it
            }
        }
        removedCount = 0;
    }

    /** Orders the removed customers: at random, by demand, farthest from the depot or nearest (weights 4, 4, 2, 1). */
    private void order() {
        int pick = random.nextInt(11);
        if (pick < 4) {
            for (int i = removedCount - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = removed[i];
                removed[i] = removed[j];
                removed[j] = t;
            }
            return;
        }
        Integer[] boxed = new Integer[removedCount];
        for (int i = 0; i < removedCount; i++) {
            boxed[i] = removed[i];
        }
        if (pick < 8) {
            Arrays.sort(boxed, (a, b) -> Integer.compare(problem.demand(b), problem.demand(a)));
        } else if (pick < 10) {
            Arrays.sort(boxed, (a, b) -> Double.compare(cost[0][b], cost[0][a]));
        } else {
            Arrays.sort(boxed, (a, b) -> Double.compare(cost[0][a], cost[0][b]));
        }
        for (int i = 0; i < removedCount; i++) {
            removed[i] = boxed[i];
        }
    }
}
