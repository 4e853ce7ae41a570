package city.mycity.routing.refuse;

import city.mycity.citymodel.GeoPoint;
import city.mycity.routing.road.FastestPaths;
import city.mycity.routing.road.RoadGraph;
import city.mycity.routing.road.Snap;
import city.mycity.routing.road.TravelMatrix;
import city.mycity.routing.road.UnreachablePlaceException;
import city.mycity.routing.vrp.Problem;
import city.mycity.routing.vrp.solver.Solver;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Plans refuse rounds on the city's roads: snaps the depot and the bins, takes the travel times and distances between
 * them, and has the {@link Solver} find the trips with the fewest metres that each keep a truck's capacity, the shift
 * and the bins' windows; then gives the trucks their trips one after another within the shift ({@link TripPacking}).
 * A bin that cannot be planned is left out with the reason, never fails the round.
 */
public final class RefusePlanner {

    /** How far from a road a bin may stand and still be emptied from it. */
    public static final double MAX_OFF_ROAD_METRES = 250;

    private final RoadGraph roads;

    public RefusePlanner(RoadGraph roads) {
        this.roads = roads;
    }

    /**
     * Plans a round.
     *
     * @param solver the solver's settings (time limit, seed, iterations, listener); the problem is set here
     * @param started gets the solver before it starts, so that the caller can stop it and keep the best plan so far
     */
    public RefusePlan plan(RefuseRound round, SolverSettings solver, Consumer<Solver> started)
            throws InterruptedException {
        Snap depot;
        try {
            depot = roads.snap(round.depot(), MAX_OFF_ROAD_METRES * 4);
        } catch (UnreachablePlaceException e) {
            throw new IllegalArgumentException("The depot is off the roads: " + e.getMessage(), e);
        }
        List<RefusePlan.Unplanned> unplanned = new ArrayList<>();
        List<BinStop> planned = new ArrayList<>();
        List<Snap> places = new ArrayList<>();
        places.add(depot);
        for (BinStop bin : round.bins()) {
            if (bin.load() > round.capacity()) {
                unplanned.add(new RefusePlan.Unplanned(
                        bin, "holds " + bin.load() + ", more than a truck carries (" + round.capacity() + ")"));
                continue;
            }
            try {
                places.add(roads.snap(bin.location(), MAX_OFF_ROAD_METRES));
                planned.add(bin);
            } catch (UnreachablePlaceException e) {
                unplanned.add(new RefusePlan.Unplanned(
                        bin, "no road of the depot's network within " + (int) MAX_OFF_ROAD_METRES + " m"));
            }
        }
        if (planned.isEmpty()) {
            return new RefusePlan(List.of(), unplanned, 0, false);
        }
        TravelMatrix matrix = TravelMatrix.between(roads, places);
        List<Integer> kept = keepWindows(round, planned, matrix, unplanned);
        if (kept.isEmpty()) {
            return new RefusePlan(List.of(), unplanned, 0, false);
        }
        Problem problem = problem(round, planned, kept, matrix);
        Solver built = solver.builder(problem).build();
        started.accept(built);
        Solver.Result result = built.solve();
        List<BinStop> bins = kept.stream().map(planned::get).toList();
        List<Snap> snaps = new ArrayList<>();
        snaps.add(depot);
        kept.forEach(i -> snaps.add(places.get(i + 1)));
        return result(round, problem, result, bins, snaps, unplanned);
    }

    /** The bins whose window a truck leaving at the start can keep and still be back in the shift; the others out. */
    private static List<Integer> keepWindows(
            RefuseRound round, List<BinStop> bins, TravelMatrix matrix, List<RefusePlan.Unplanned> unplanned) {
        double shift = round.shift().toSeconds();
        double emptying = round.emptying().toSeconds();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < bins.size(); i++) {
            BinStop bin = bins.get(i);
            double there = matrix.seconds()[0][i + 1];
            double start = Math.max(there, bin.readySeconds());
            double back = start + emptying + matrix.seconds()[i + 1][0];
            if (start > Math.min(bin.dueSeconds(), shift)) {
                unplanned.add(new RefusePlan.Unplanned(
                        bin, "no truck can reach it in time (" + Math.round(there) + " s from the depot)"));
            } else if (back > shift) {
                unplanned.add(new RefusePlan.Unplanned(bin, "no truck can empty it and be back within the shift"));
            } else {
                kept.add(i);
            }
        }
        return kept;
    }

    private static Problem problem(RefuseRound round, List<BinStop> bins, List<Integer> kept, TravelMatrix matrix) {
        int n = kept.size() + 1;
        double[][] metres = new double[n][n];
        double[][] seconds = new double[n][n];
        int[] index = new int[n];
        for (int k = 0; k < kept.size(); k++) {
            index[k + 1] = kept.get(k) + 1;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                metres[i][j] = matrix.metres()[index[i]][index[j]];
                seconds[i][j] = matrix.seconds()[index[i]][index[j]];
            }
        }
        int[] demand = new int[n];
        double[] ready = new double[n];
        double[] due = new double[n];
        double[] service = new double[n];
        due[0] = round.shift().toSeconds();
        for (int k = 1; k < n; k++) {
            BinStop bin = bins.get(kept.get(k - 1));
            demand[k] = bin.load();
            ready[k] = bin.readySeconds();
            due[k] = Math.min(bin.dueSeconds(), round.shift().toSeconds());
            service[k] = round.emptying().toSeconds();
        }
        return Problem.builder("refuse round", metres, demand, round.capacity())
                .travelTimes(seconds)
                .timeWindows(ready, due, service)
                .build();
    }

    private RefusePlan result(
            RefuseRound round,
            Problem problem,
            Solver.Result result,
            List<BinStop> bins,
            List<Snap> snaps,
            List<RefusePlan.Unplanned> unplanned) {
        FastestPaths paths = roads.fastestPaths();
        List<Trip> trips = new ArrayList<>();
        for (int[] route : result.plan().routes()) {
            trips.add(trip(route, problem, bins, snaps, paths));
        }
        return new RefusePlan(
                TripPacking.into(round, trips, unplanned), unplanned, result.steps(), result.stoppedEarly());
    }

    private static Trip trip(int[] route, Problem problem, List<BinStop> bins, List<Snap> snaps, FastestPaths paths) {
        List<BinStop> stops = new ArrayList<>();
        double[] arrivals = new double[route.length];
        double[] legs = new double[route.length + 1];
        List<GeoPoint> geometry = new ArrayList<>();
        double time = problem.ready(0);
        double metres = 0;
        int load = 0;
        int previous = 0;
        for (int k = 0; k <= route.length; k++) {
            int next = k == route.length ? 0 : route[k];
            List<GeoPoint> leg = paths.way(snaps.get(previous), snaps.get(next)).points();
            geometry.addAll(geometry.isEmpty() ? leg : leg.subList(1, leg.size()));
            metres += problem.cost(previous, next);
            legs[k] = problem.time(previous, next);
            time += problem.service(previous) + problem.time(previous, next);
            if (next != 0) {
                time = Math.max(time, problem.ready(next));
                arrivals[k] = time;
                stops.add(bins.get(next - 1));
                load += problem.demand(next);
            }
            previous = next;
        }
        double emptying = route.length == 0 ? 0 : problem.service(route[0]);
        return new Trip(
                stops, problem.ready(0), arrivals, metres, time - problem.ready(0), load, geometry, legs, emptying);
    }

    /**
     * Plans again what is left of a round after the crews' reports: the bins emptied are done, those a crew could not
     * empty are left out with the crew's reason, and the rest are planned for the time left in the shift, every truck
     * starting from the depot (a full truck goes back to unload first, so all do).
     */
    public RefusePlan replan(
            RefuseRound round,
            CrewReports reports,
            java.time.Duration elapsed,
            SolverSettings solver,
            Consumer<Solver> started)
            throws InterruptedException {
        double done = elapsed.toSeconds();
        List<BinStop> left = new ArrayList<>();
        List<RefusePlan.Unplanned> refused = new ArrayList<>();
        for (BinStop bin : round.bins()) {
            if (reports.emptied().contains(bin.id())) {
                continue;
            }
            String reason = reports.notEmptied().get(bin.id());
            if (reason != null) {
                refused.add(new RefusePlan.Unplanned(bin, "the crew could not empty it: " + reason));
                continue;
            }
            left.add(new BinStop(
                    bin.id(),
                    bin.location(),
                    bin.load(),
                    Math.max(0, bin.readySeconds() - done),
                    bin.dueSeconds() - done));
        }
        RefuseRound rest = new RefuseRound(
                round.depot(),
                left,
                round.trucks(),
                round.capacity(),
                round.shift().minus(elapsed),
                round.emptying());
        RefusePlan plan = plan(rest, solver, started);
        refused.addAll(plan.unplanned());
        return new RefusePlan(plan.routes(), refused, plan.steps(), plan.stoppedEarly());
    }

    /** How the solver runs: everything but the problem. */
    public interface SolverSettings {
        Solver.Builder builder(Problem problem);
    }
}
