package city.mycity.geo.rounds;

import city.mycity.geo.bins.RoundPlanning;
import city.mycity.routing.refuse.RefusePlan;
import city.mycity.routing.refuse.TruckRoute;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The refuse crews' rounds of one council: a crew member's round of today, planned for all the council's crews at
 * once the first time one asks (from the bins due by the end of the day, one truck per crew account, with {@link
 * RoundPlanning} on the city's roads), and the crews' reports of their stops (each taken once; a bin not emptied has
 * the rest of its round ordered again by {@link RoadReplanning}). A day is a day of the city's time zone.
 */
public final class CrewRounds {

    /** How many bins a truck empties before it goes back to the depot to unload. */
    public static final int TRIP_CAPACITY = 60;
    /**
     * A day whose rounds have no stop at all (nothing was due when it was planned) is planned again when a crew member
     * asks this long after.
     */
    public static final Duration REPLAN_EMPTY_DAY_AFTER = Duration.ofMinutes(10);
    /** A crew's working day. */
    public static final Duration SHIFT = Duration.ofHours(8);
    /** How long a request waits for another plan (of the public's {@code /api/v1/bins/routes}) to be made first. */
    static final Duration WAIT_FOR_PLANNER = Duration.ofSeconds(RoundPlanning.LONGEST + 5);

    private final RoundStore store;
    private final RoundPlanning planning;
    private final RoadReplanning replanning;
    private final ZoneId zone;
    private final int searchSeconds;
    private final Clock clock;
    private final ReentrantLock planningOne = new ReentrantLock();

    /**
     * @param zone the city's time zone: what "today" is
     * @param search how long the solver searches for the day's plan (whole seconds, at least one)
     */
    public CrewRounds(
            RoundStore store,
            RoundPlanning planning,
            RoadReplanning replanning,
            ZoneId zone,
            Duration search,
            Clock clock) {
        this.store = store;
        this.planning = planning;
        this.replanning = replanning;
        this.zone = zone;
        this.searchSeconds = (int) Math.max(1, Math.min(RoundPlanning.LONGEST, search.toSeconds()));
        this.clock = clock;
    }

    /** Today in the city's time zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The time now, as the checks of reports see it. */
    public Instant now() {
        return clock.instant();
    }

    /**
     * The crew member's round of today, planned first (for every crew of the council) when the council has none yet.
     *
     * @throws NoSuchRoundException when {@code crew} is not a crew account of the council
     * @throws RoundPlanning.BusyException when another plan took too long to be made
     */
    public CrewRound today(String crew) throws SQLException, InterruptedException {
        LocalDate day = today();
        var round = store.round(day, crew);
        if (round.isPresent()
                && round.get().stops().isEmpty()
                && round.get().plannedAt().isBefore(now().minus(REPLAN_EMPTY_DAY_AFTER))) {
            // Nothing was due when the day was planned: bins may be due now. Forgotten under the planning lock, so
            // that no request of this service stores an empty day in between; read again whoever forgot it.
            planningOne.lockInterruptibly();
            try {
                store.forgetEmptyDay(day, now().minus(REPLAN_EMPTY_DAY_AFTER));
            } finally {
                planningOne.unlock();
            }
            round = store.round(day, crew);
        }
        if (round.isPresent()) {
            return round.get();
        }
        List<String> crews = store.crews();
        if (!crews.contains(crew)) {
            throw new NoSuchRoundException(
                    "There is no crew account " + crew + " in this council: crew is a crew member's username.");
        }
        planningOne.lockInterruptibly();
        try {
            if (store.planned(day)) {
                store.save(day, crews, Map.of());
            } else {
                store.save(day, crews, plan(day, crews.size()));
            }
        } finally {
            planningOne.unlock();
        }
        return store.round(day, crew)
                .orElseThrow(() -> new IllegalStateException("The round of " + crew + " was stored but is not found."));
    }

    private Map<Integer, RoundStore.Planned> plan(LocalDate day, int trucks) throws SQLException, InterruptedException {
        Instant endOfDay = day.plusDays(1).atStartOfDay(zone).toInstant();
        RefusePlan plan = planning.planWhenFree(
                new RoundPlanning.Request(endOfDay, trucks, TRIP_CAPACITY, SHIFT, searchSeconds), WAIT_FOR_PLANNER);
        Map<Integer, RoundStore.Planned> byTruck = new HashMap<>();
        for (TruckRoute route : plan.routes()) {
            byTruck.put(
                    route.truck(),
                    new RoundStore.Planned(
                            route.stops().stream()
                                    .map(bin -> new RoundStore.PlannedStop(bin.id(), bin.location()))
                                    .toList(),
                            LineStrings.of(route.geometry())));
        }
        return byTruck;
    }

    /**
     * Takes a crew member's report of a stop of the crew's round of the report's day (the day of its {@code at}, so
     * that a phone that sends its queue after midnight reports to the right round), once; then gives that round.
     *
     * @param by the account that reports (the crew member, or an operator for them)
     * @throws NoSuchRoundException no round of the crew that day, or the bin is not on it
     * @throws ReportConflictException the stop was reported already by another report, or the report's id was used for
     *     another stop or outcome
     */
    public CrewRound report(String crew, StopReport report, String by) throws SQLException {
        LocalDate day = LocalDate.ofInstant(report.at(), zone);
        store.report(day, crew, report, by, replanning::from);
        return store.round(day, crew)
                .orElseThrow(() -> new IllegalStateException("The round of " + crew + " is gone."));
    }
}
