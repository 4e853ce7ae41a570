package city.mycity.routing.refuse;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.CityModels;
import city.mycity.citymodel.GeoPoint;
import city.mycity.reading.SensorKind;
import city.mycity.routing.road.RoadGraph;
import city.mycity.routing.vrp.solver.Solver;
import city.mycity.testkit.SharedData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Refuse rounds on the roads of a real extract (Krems, from OpenStreetMap) and the bins the city model places. */
class RefusePlannerTest {

    private static CityModel krems;
    private static RefusePlanner planner;
    private static GeoPoint depot;
    private static List<BinStop> bins;

    @BeforeAll
    static void load() {
        krems = CityModels.openStreetMap(SharedData.resolve("osm/krems.osm.gz"));
        planner = new RefusePlanner(RoadGraph.of(krems));
        depot = krems.bounds().center();
        bins = krems.sensors().stream()
                .filter(s -> s.kind() == SensorKind.BIN)
                .limit(60)
                .map(s -> new BinStop(s.id(), s.location(), 1))
                .toList();
    }

    private static RefusePlanner.SolverSettings settings(long seed) {
        return problem -> Solver.builder(problem).seed(seed).threads(1).iterations(20_000);
    }

    private static RefuseRound round(List<BinStop> bins, int trucks, int capacity) {
        return new RefuseRound(depot, bins, trucks, capacity, Duration.ofHours(8), Duration.ofMinutes(1));
    }

    @Test
    void every_bin_is_on_one_route_no_trip_carries_more_than_a_truck_and_no_truck_works_past_the_shift()
            throws Exception {
        assertThat(bins).hasSize(60);

        RefusePlan plan = planner.plan(round(bins, 3, 25), settings(1), solver -> {});

        Set<String> seen = new HashSet<>();
        plan.routes().forEach(route -> route.stops()
                .forEach(bin -> assertThat(seen.add(bin.id())).isTrue()));
        plan.unplanned().forEach(u -> assertThat(seen.add(u.bin().id())).isTrue());
        assertThat(seen).hasSize(60);
        assertThat(plan.unplanned()).as("three trucks of 25 empty 60 bins").isEmpty();
        assertThat(plan.routes()).hasSizeLessThanOrEqualTo(3).allSatisfy(route -> {
            assertThat(route.trips()).allSatisfy(trip -> assertThat(trip.load()).isLessThanOrEqualTo(25));
            for (int t = 1; t < route.trips().size(); t++) {
                assertThat(route.trips().get(t).leaves())
                        .isEqualTo(route.trips().get(t - 1).back());
            }
            assertThat(route.back()).isLessThanOrEqualTo(Duration.ofHours(8).toSeconds());
            assertThat(route.geometry().get(0))
                    .isEqualTo(route.geometry().get(route.geometry().size() - 1));
            double along = 0;
            for (int i = 1; i < route.geometry().size(); i++) {
                along += route.geometry().get(i - 1).distanceTo(route.geometry().get(i));
            }
            assertThat(along).isCloseTo(route.metres(), org.assertj.core.data.Offset.offset(route.metres() * 0.01));
            assertThat(route.arrivals()).isSorted();
        });
    }

    @Test
    void a_bin_heavier_than_a_truck_or_far_from_the_roads_is_left_out_with_why() throws Exception {
        List<BinStop> some = new ArrayList<>(bins.subList(0, 10));
        some.add(new BinStop("heavy", bins.get(10).location(), 30));
        some.add(new BinStop("in-the-danube", new GeoPoint(krems.bounds().minLatitude() - 0.05, depot.longitude()), 1));

        RefusePlan plan = planner.plan(round(some, 2, 25), settings(1), solver -> {});

        assertThat(plan.binsPlanned()).isEqualTo(10);
        assertThat(plan.unplanned())
                .extracting(u -> u.bin().id() + ": " + u.reason())
                .containsExactlyInAnyOrder(
                        "heavy: holds 30, more than a truck carries (25)",
                        "in-the-danube: no road of the depot's network within 250 m");
    }

    @Test
    void a_bin_whose_window_no_truck_can_keep_is_left_out_and_a_window_kept_is_kept() throws Exception {
        BinStop far = bins.get(30);
        List<BinStop> some = new ArrayList<>(bins.subList(0, 10));
        some.add(new BinStop("at-dawn", far.location(), 1, 0, 1));
        some.add(new BinStop("after-nine", bins.get(11).location(), 1, 3 * 3600, 4 * 3600));

        RefusePlan plan = planner.plan(round(some, 2, 25), settings(1), solver -> {});

        assertThat(plan.unplanned()).singleElement().satisfies(u -> {
            assertThat(u.bin().id()).isEqualTo("at-dawn");
            assertThat(u.reason()).startsWith("no truck can reach it in time");
        });
        TruckRoute withIt = plan.routes().stream()
                .filter(r -> r.stops().stream().anyMatch(b -> b.id().equals("after-nine")))
                .findFirst()
                .orElseThrow();
        int at = withIt.stops().stream().map(BinStop::id).toList().indexOf("after-nine");
        assertThat(Math.max(withIt.arrivals()[at], 3 * 3600)).isBetween(3.0 * 3600, 4.0 * 3600);
    }

    @Test
    void a_trip_with_a_bin_that_opens_late_goes_after_the_others_instead_of_waiting_for_it() throws Exception {
        List<BinStop> some = new ArrayList<>(bins.subList(0, 29));
        some.add(new BinStop("after-lunch", bins.get(29).location(), 1, 5 * 3600, 7 * 3600));

        RefusePlan plan = planner.plan(
                new RefuseRound(depot, some, 1, 10, Duration.ofHours(8), Duration.ofMinutes(1)),
                settings(1),
                solver -> {});

        assertThat(plan.unplanned()).isEmpty();
        TruckRoute truck = plan.routes().get(0);
        Trip last = truck.trips().get(truck.trips().size() - 1);
        assertThat(last.stops()).extracting(BinStop::id).contains("after-lunch");
        assertThat(truck.trips()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void one_truck_empties_the_bins_in_trips_and_leaves_for_another_round_what_the_shift_has_no_time_for()
            throws Exception {
        RefusePlan day = planner.plan(round(bins, 1, 25), settings(1), solver -> {});
        RefusePlan hour = planner.plan(
                new RefuseRound(depot, bins, 1, 25, Duration.ofHours(1), Duration.ofMinutes(1)),
                settings(1),
                solver -> {});

        assertThat(day.routes()).singleElement().satisfies(truck -> assertThat(truck.trips())
                .hasSizeGreaterThanOrEqualTo(3));
        assertThat(day.unplanned()).isEmpty();
        assertThat(hour.routes()).singleElement().satisfies(truck -> assertThat(truck.back())
                .isLessThanOrEqualTo(3600));
        assertThat(hour.binsPlanned()).isBetween(1, 59);
        assertThat(hour.binsPlanned() + hour.unplanned().size()).isEqualTo(60);
        assertThat(hour.unplanned())
                .allSatisfy(u -> assertThat(u.reason()).isEqualTo("more bins than the trucks can empty in the shift"));
    }

    @Test
    void after_the_crews_reports_the_plan_leaves_out_what_was_emptied_and_says_why_a_bin_was_not() throws Exception {
        RefusePlan first = planner.plan(round(bins, 3, 25), settings(1), solver -> {});
        List<BinStop> firstRoute = first.routes().get(0).stops();
        Set<String> emptied = Set.of(firstRoute.get(0).id(), firstRoute.get(1).id());
        String blocked = firstRoute.get(2).id();

        RefusePlan again = planner.replan(
                round(bins, 3, 25),
                new CrewReports(emptied, Map.of(blocked, "a car parked in front of it")),
                Duration.ofHours(1),
                settings(1),
                solver -> {});

        List<String> planned = again.routes().stream()
                .flatMap(r -> r.stops().stream())
                .map(BinStop::id)
                .toList();
        assertThat(planned).hasSize(57).doesNotContainAnyElementsOf(emptied).doesNotContain(blocked);
        assertThat(again.unplanned())
                .extracting(u -> u.bin().id() + ": " + u.reason())
                .containsExactly(blocked + ": the crew could not empty it: a car parked in front of it");
        assertThat(again.routes()).allSatisfy(r -> assertThat(r.back()).isLessThanOrEqualTo(7 * 3600));
    }

    @Test
    void the_same_seed_and_budget_plan_the_same_routes() throws Exception {
        RefusePlan one = planner.plan(round(bins, 3, 25), settings(4), solver -> {});
        RefusePlan two = planner.plan(round(bins, 3, 25), settings(4), solver -> {});

        assertThat(ids(two)).isEqualTo(ids(one));
    }

    private static List<List<String>> ids(RefusePlan plan) {
        return plan.routes().stream()
                .map(r -> r.stops().stream().map(BinStop::id).toList())
                .toList();
    }

    @Test
    void a_stopped_plan_keeps_the_best_routes_so_far() throws Exception {
        RefusePlan plan = planner.plan(
                round(bins, 3, 25),
                problem -> Solver.builder(problem).threads(1).timeLimit(Duration.ofMinutes(5)),
                Solver::stop);

        assertThat(plan.stoppedEarly()).isTrue();
        assertThat(plan.binsPlanned() + plan.unplanned().size()).isEqualTo(60);
    }
}
