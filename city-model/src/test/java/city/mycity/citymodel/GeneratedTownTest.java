package city.mycity.citymodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.mycity.citymodel.generated.GeneratedTown;
import city.mycity.citymodel.placement.PlacementPlan;
import city.mycity.reading.SensorKind;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeneratedTownTest {

    private static final GeoPoint CENTRE = new GeoPoint(52.05, -1.20);

    @Test
    void the_same_seed_gives_an_equal_town() {
        assertThat(CityModels.generated(42)).isEqualTo(CityModels.generated(42));
    }

    @Test
    void another_seed_gives_another_town() {
        assertThat(CityModels.generated(43).streets())
                .isNotEqualTo(CityModels.generated(42).streets());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 2024, -7})
    void is_a_consistent_city_for_any_seed(long seed) {
        CityModel town = CityModels.generated(seed);

        CityAssertions.assertConsistent(town, PlacementPlan.defaults());
        assertThat(town.tenant()).isEqualTo("demo-town");
        assertThat(town.name()).isEqualTo("Demo Town");
        assertThat(town.carParks()).hasSizeBetween(8, 15);
        for (SensorKind kind : SensorKind.values()) {
            if (kind.isFieldSensor()) {
                assertThat(town.sensors(kind)).as("%s sensors", kind).isNotEmpty();
            }
        }
    }

    @Test
    void lies_around_its_centre_and_spans_two_to_three_kilometres() {
        BoundingBox bounds = CityModels.generated(42).bounds();

        double width = new GeoPoint(bounds.minLatitude(), bounds.minLongitude())
                .distanceTo(new GeoPoint(bounds.minLatitude(), bounds.maxLongitude()));
        double height = new GeoPoint(bounds.minLatitude(), bounds.minLongitude())
                .distanceTo(new GeoPoint(bounds.maxLatitude(), bounds.minLongitude()));
        assertThat(width).isBetween(2000.0, 3200.0);
        assertThat(height).isBetween(2000.0, 3200.0);
        assertThat(bounds.center().distanceTo(CENTRE)).isLessThan(400.0);
    }

    @Test
    void has_main_roads_and_many_named_residential_streets() {
        List<Street> streets = CityModels.generated(42).streets();

        assertThat(streets)
                .extracting(Street::roadClass)
                .contains(RoadClass.PRIMARY, RoadClass.SECONDARY, RoadClass.TERTIARY);
        assertThat(streets)
                .filteredOn(s -> s.roadClass() == RoadClass.RESIDENTIAL)
                .hasSizeGreaterThan(50);
        assertThat(streets).extracting(Street::name).doesNotContainNull().contains("High Street");
        assertThat(streets.stream().map(Street::name).distinct().count()).isGreaterThan(50);
    }

    @Test
    void streets_connect_into_one_network() {
        List<Street> streets = CityModels.generated(42).streets();
        Map<GeoPoint, Set<GeoPoint>> links = new HashMap<>();
        for (Street street : streets) {
            for (int i = 1; i < street.points().size(); i++) {
                GeoPoint a = street.points().get(i - 1);
                GeoPoint b = street.points().get(i);
                links.computeIfAbsent(a, k -> new HashSet<>()).add(b);
                links.computeIfAbsent(b, k -> new HashSet<>()).add(a);
            }
        }
        Set<GeoPoint> seen = new HashSet<>();
        Deque<GeoPoint> queue = new ArrayDeque<>(List.of(streets.get(0).points().get(0)));
        while (!queue.isEmpty()) {
            GeoPoint p = queue.poll();
            if (seen.add(p)) {
                queue.addAll(links.get(p));
            }
        }
        assertThat(seen).hasSameSizeAs(links.keySet());
    }

    @Test
    void has_traffic_signals_where_main_roads_cross() {
        CityModel town = CityModels.generated(42);
        List<Street> main =
                town.streets().stream().filter(s -> s.roadClass().isMain()).toList();

        assertThat(town.trafficSignals()).hasSizeGreaterThanOrEqualTo(5);
        for (GeoPoint signal : town.trafficSignals()) {
            long roads = main.stream()
                    .filter(s -> s.points().contains(signal))
                    .map(Street::name)
                    .distinct()
                    .count();
            assertThat(roads).as("main roads through %s", signal).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void keeps_its_car_parks_near_the_centre() {
        CityModel town = CityModels.generated(42);

        List<Double> distances = town.carParks().stream()
                .map(c -> c.location().distanceTo(CENTRE))
                .sorted()
                .toList();
        assertThat(distances.get(0)).isLessThan(300.0);
        assertThat(distances.get(distances.size() / 2)).isLessThan(700.0);
        assertThat(town.carParks()).extracting(CarPark::name).contains("Market Square Car Park", "Park and Ride");
    }

    @Test
    void states_that_it_is_generated() {
        Provenance provenance = CityModels.generated(5).provenance();

        assertThat(provenance.source()).isEqualTo("generated town, seed 5");
        assertThat(provenance.licence()).isNull();
    }

    @Test
    void builder_sets_tenant_name_and_size() {
        City town = GeneratedTown.builder()
                .seed(3)
                .tenant("small-town")
                .name("Small Town")
                .sizeMetres(1200)
                .carParks(5)
                .build();

        assertThat(town.tenant()).isEqualTo("small-town");
        assertThat(town.name()).isEqualTo("Small Town");
        assertThat(town.carParks()).hasSizeBetween(3, 5);
        assertThat(town.devices()).allMatch(d -> d.tenant().equals("small-town"));
        CityAssertions.assertConsistent(town, PlacementPlan.defaults());
    }

    @Test
    void builder_rejects_an_invalid_tenant() {
        assertThatThrownBy(() -> GeneratedTown.builder().tenant("Demo Town").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Tenant");
    }
}
