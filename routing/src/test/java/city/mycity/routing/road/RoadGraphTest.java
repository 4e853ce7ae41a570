package city.mycity.routing.road;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.CityModels;
import city.mycity.citymodel.GeoPoint;
import city.mycity.citymodel.RoadClass;
import city.mycity.citymodel.Street;
import city.mycity.testkit.SharedData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The road graph of real OpenStreetMap extracts and of the generated town. */
class RoadGraphTest {

    private static CityModel monaco;
    private static RoadGraph monacoRoads;

    @BeforeAll
    static void load() {
        monaco = CityModels.openStreetMap(SharedData.resolve("osm/monaco.osm.gz"));
        monacoRoads = RoadGraph.of(monaco);
    }

    /** Whether a place is on a road of the network (not on a stub the extract's edge cut off). */
    private static boolean onNetwork(GeoPoint place) {
        try {
            return monacoRoads.snap(place, 0.5) != null;
        } catch (UnreachablePlaceException e) {
            return false;
        }
    }

    private static GeoPoint middle(GeoPoint a, GeoPoint b) {
        return new GeoPoint((a.latitude() + b.latitude()) / 2, (a.longitude() + b.longitude()) / 2);
    }

    @Test
    void a_one_way_street_is_driven_its_way_along_it_and_the_other_way_round_about() {
        Street oneWay = monaco.streets().stream()
                .filter(s ->
                        s.direction() == Street.Direction.FORWARD && s.points().size() >= 6)
                .filter(s -> s.roadClass() != RoadClass.MOTORWAY)
                .filter(s -> onNetwork(middle(s.points().get(0), s.points().get(1)))
                        && onNetwork(middle(
                                s.points().get(s.points().size() - 2),
                                s.points().get(s.points().size() - 1))))
                .max(Comparator.comparingDouble(Street::lengthMetres))
                .orElseThrow();
        List<GeoPoint> line = oneWay.points();
        GeoPoint start = middle(line.get(0), line.get(1));
        GeoPoint end = middle(line.get(line.size() - 2), line.get(line.size() - 1));
        Snap from = monacoRoads.snap(start, 5);
        Snap to = monacoRoads.snap(end, 5);
        double along = 0;
        for (int i = 1; i < line.size(); i++) {
            along += line.get(i - 1).distanceTo(line.get(i));
        }
        along -= line.get(0).distanceTo(line.get(1)) / 2
                + line.get(line.size() - 2).distanceTo(line.get(line.size() - 1)) / 2;

        FastestPaths paths = monacoRoads.fastestPaths();
        Travel ahead = paths.from(from, new Snap[] {to})[0];
        Travel back = paths.from(to, new Snap[] {from})[0];

        assertThat(ahead.metres()).as("along " + oneWay.id()).isCloseTo(along, offset(1.0));
        assertThat(back.seconds()).as("against the one-way: round about").isGreaterThan(ahead.seconds());
        assertThat(back.metres()).isGreaterThan(along);
    }

    @Test
    void a_way_is_the_points_driven_through_from_place_to_place() {
        Snap from = monacoRoads.snap(new GeoPoint(43.7384, 7.4246), 200);
        Snap to = monacoRoads.snap(new GeoPoint(43.7311, 7.4197), 200);

        FastestPaths.Way way = monacoRoads.fastestPaths().way(from, to);

        assertThat(way.points().get(0)).isEqualTo(from.point());
        assertThat(way.points().get(way.points().size() - 1)).isEqualTo(to.point());
        double length = 0;
        for (int i = 1; i < way.points().size(); i++) {
            length += way.points().get(i - 1).distanceTo(way.points().get(i));
        }
        assertThat(length).isCloseTo(way.travel().metres(), offset(1.0));
        assertThat(way.travel().metres()).isGreaterThan(from.point().distanceTo(to.point()));
    }

    @Test
    void travel_between_300_places_of_north_bayreuth_is_never_shorter_or_faster_than_the_crow_flies() {
        CityModel bayreuth = CityModels.openStreetMap(SharedData.resolve("osm/north-bayreuth.osm.gz"));
        RoadGraph roads = RoadGraph.of(bayreuth);
        List<Snap> places = places(bayreuth, roads, 300, 11);

        TravelMatrix matrix = TravelMatrix.between(roads, places);

        double fastest = bayreuth.streets().stream()
                .mapToDouble(RoadSpeeds.URBAN::metresPerSecond)
                .max()
                .orElseThrow();
        int reachable = 0;
        for (int i = 0; i < places.size(); i++) {
            assertThat(matrix.seconds()[i][i]).isZero();
            for (int j = 0; j < places.size(); j++) {
                if (matrix.seconds()[i][j] == Double.POSITIVE_INFINITY) {
                    continue;
                }
                reachable++;
                double crow = places.get(i).point().distanceTo(places.get(j).point());
                assertThat(matrix.metres()[i][j]).isGreaterThanOrEqualTo(crow - 1);
                assertThat(matrix.seconds()[i][j]).isGreaterThanOrEqualTo((crow - 1) / fastest);
            }
        }
        assertThat(reachable)
                .as("every pair: places are snapped to the connected network")
                .isEqualTo(300 * 300);
    }

    /** Places near the city's streets (at random points of random streets), snapped to the network. */
    static List<Snap> places(CityModel city, RoadGraph roads, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Snap> places = new ArrayList<>();
        List<Street> streets = city.streets();
        while (places.size() < count) {
            Street street = streets.get(random.nextInt(streets.size()));
            int i = random.nextInt(street.points().size() - 1);
            places.add(roads.snap(middle(street.points().get(i), street.points().get(i + 1)), 2_000));
        }
        return places;
    }

    @Test
    void the_generated_town_drives_the_same_both_ways() {
        CityModel town = CityModels.generated(5);
        RoadGraph roads = RoadGraph.of(town);
        List<Snap> places = places(town, roads, 20, 3);

        TravelMatrix matrix = TravelMatrix.between(roads, places);

        for (int i = 0; i < places.size(); i++) {
            for (int j = 0; j < places.size(); j++) {
                assertThat(matrix.seconds()[i][j]).isCloseTo(matrix.seconds()[j][i], offset(1e-6));
                assertThat(matrix.seconds()[i][j]).isFinite();
            }
        }
    }

    @Test
    void a_place_at_a_junction_leaves_and_is_reached_by_any_street_that_meets_there() {
        GeoPoint junction = new GeoPoint(50.0, 8.0);
        GeoPoint east = new GeoPoint(50.0, 8.01);
        GeoPoint north = new GeoPoint(50.01, 8.0);
        // A one-way street leaves the junction eastwards (segment 0: snapping's tie goes to it); a two-way goes north.
        RoadGraph roads = RoadGraph.of(
                List.of(
                        new Street(
                                "one-way",
                                null,
                                RoadClass.RESIDENTIAL,
                                List.of(junction, east),
                                Street.Direction.FORWARD,
                                null),
                        new Street("two-way", null, RoadClass.RESIDENTIAL, List.of(junction, north)),
                        new Street(
                                "back", null, RoadClass.RESIDENTIAL, List.of(east, new GeoPoint(50.01, 8.01), north))),
                RoadSpeeds.URBAN);
        Snap atJunction = roads.snap(junction, 1);
        Snap upNorth = roads.snap(middle(junction, north), 1);
        FastestPaths paths = roads.fastestPaths();

        Travel out = paths.from(atJunction, new Snap[] {upNorth})[0];
        Travel in = paths.from(upNorth, new Snap[] {atJunction})[0];

        double half = junction.distanceTo(north) / 2;
        assertThat(atJunction.segment()).as("snapped to the one-way").isZero();
        assertThat(out.metres()).as("straight up the two-way street").isCloseTo(half, offset(1.0));
        assertThat(in.metres()).as("straight down it").isCloseTo(half, offset(1.0));
    }

    @Test
    void a_place_far_from_every_road_is_refused() {
        assertThatThrownBy(() -> monacoRoads.snap(new GeoPoint(43.6, 7.6), 500))
                .isInstanceOf(UnreachablePlaceException.class)
                .hasMessageContaining("No road within 500 m");
    }

    @Test
    void a_search_up_to_a_horizon_finds_exactly_what_the_whole_search_finds_that_near() {
        CityModel town = CityModels.generated(42);
        RoadGraph roads = RoadGraph.of(town);
        java.util.List<city.mycity.citymodel.Sensor> sensors = town.sensors();
        Snap[] targets = sensors.stream()
                .map(sensor -> roads.snap(sensor.location(), 500))
                .toArray(Snap[]::new);
        FastestPaths paths = roads.fastestPaths();
        for (int origin = 0; origin < 20; origin++) {
            Snap from = targets[(origin * 97) % targets.length];
            Travel[] all = paths.from(from, targets);
            Travel[] near = paths.within(from, targets, 120);

            int found = 0;
            for (int k = 0; k < targets.length; k++) {
                if (all[k].seconds() <= 120) {
                    found++;
                    assertThat(near[k])
                            .as("target %d from origin %d", k, origin)
                            .isEqualTo(all[k]);
                } else {
                    assertThat(near[k].reachable()).isFalse();
                }
            }
            assertThat(found)
                    .as("targets within two minutes of origin %d", origin)
                    .isPositive();
        }
    }
}
