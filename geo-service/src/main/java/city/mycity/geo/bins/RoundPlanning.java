package city.mycity.geo.bins;

import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.GeoPoint;
import city.mycity.routing.refuse.BinStop;
import city.mycity.routing.refuse.RefusePlan;
import city.mycity.routing.refuse.RefusePlanner;
import city.mycity.routing.refuse.RefuseRound;
import city.mycity.routing.road.RoadGraph;
import city.mycity.routing.vrp.solver.Solver;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Plans a refuse round for the bins due by a time ({@link BinQueries}) on the city's roads, from the depot (by
 * default the middle of the city), each bin counting as one in a truck's capacity. One plan at a time: a plan is two
 * processors' work for up to {@link #LONGEST} seconds.
 */
public final class RoundPlanning {

    /** Where the trucks leave from and come back to. */
    public GeoPoint depot() {
        return depot;
    }

    /** The longest search a request may ask for. */
    public static final int LONGEST = 30;
    /** The most bins one request plans, the soonest due; the others wait for another round (the memory is n²). */
    public static final int MOST_BINS = 500;

    private final BinQueries bins;
    private final RefusePlanner planner;
    private final GeoPoint depot;
    private final Semaphore one = new Semaphore(1);

    public RoundPlanning(BinQueries bins, RoadGraph roads, CityModel city) {
        this.bins = bins;
        this.planner = new RefusePlanner(roads);
        this.depot = city.bounds().center();
    }

    /** What a request asks for. */
    public record Request(Instant before, int trucks, int capacity, Duration shift, int seconds) {}

    /**
     * Plans the round, telling {@code progress} each better plan's metres and how far the search is (0 to 1), and
     * {@code started} the solver, so that it can be stopped with the best plan so far.
     *
     * @throws BusyException when another plan is being made
     */
    public RefusePlan plan(Request request, Solver.Listener progress, Consumer<Solver> started)
            throws SQLException, InterruptedException {
        if (!one.tryAcquire()) {
            throw new BusyException();
        }
        try {
            return planning(request, progress, started);
        } finally {
            one.release();
        }
    }

    /**
     * Plans the round as {@link #plan} does, but waits up to {@code wait} for another plan to be made first (a crew's
     * day is planned while its phone waits).
     *
     * @throws BusyException when the other plan takes longer than that
     */
    public RefusePlan planWhenFree(Request request, Duration wait) throws SQLException, InterruptedException {
        if (!one.tryAcquire(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new BusyException();
        }
        try {
            return planning(request, (metres, progress) -> {}, solver -> {});
        } finally {
            one.release();
        }
    }

    private RefusePlan planning(Request request, Solver.Listener progress, Consumer<Solver> started)
            throws SQLException, InterruptedException {
        List<BinStop> due = bins.dueBefore(request.before()).stream()
                .map(bin -> new BinStop(bin.id(), bin.location(), 1))
                .toList();
        List<BinStop> now = due.subList(0, Math.min(MOST_BINS, due.size()));
        RefuseRound round = new RefuseRound(
                depot, now, request.trucks(), request.capacity(), request.shift(), Duration.ofMinutes(1));
        RefusePlan plan = planner.plan(
                round,
                problem -> Solver.builder(problem)
                        .timeLimit(Duration.ofSeconds(request.seconds()))
                        .listener(progress),
                started);
        if (due.size() <= MOST_BINS) {
            return plan;
        }
        List<RefusePlan.Unplanned> later = new java.util.ArrayList<>(plan.unplanned());
        due.subList(MOST_BINS, due.size())
                .forEach(bin -> later.add(new RefusePlan.Unplanned(
                        bin, "more than " + MOST_BINS + " bins due: the soonest were planned, plan the rest next")));
        return new RefusePlan(plan.routes(), later, plan.steps(), plan.stoppedEarly());
    }

    /** Another plan is being made; try again shortly. */
    public static final class BusyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BusyException() {
            super("Another round is being planned; try again in a few seconds.");
        }
    }
}
