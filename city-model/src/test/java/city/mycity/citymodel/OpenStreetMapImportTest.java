package city.mycity.citymodel;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.citymodel.placement.PlacementPlan;
import city.mycity.reading.SensorKind;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Imports every extract of the shared data folder. The counts are the real ones, checked with {@code osmium
 * tags-count} and {@code osmium tags-filter}: see the module README for how they compare with the data README.
 */
class OpenStreetMapImportTest {

    private static final Map<String, CityModel> CITIES = new ConcurrentHashMap<>();

    static CityModel city(String file) {
        return CITIES.computeIfAbsent(file, f -> CityModels.openStreetMap(SharedData.osm(f)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // file, tenant, name, car parks, traffic signals, at least this many streets
        "monaco.osm.gz, monaco, Monaco, 29, 7, 450",
        "krems.osm.gz, krems, Krems, 60, 26, 500",
        "north-bayreuth.osm.gz, north-bayreuth, North Bayreuth, 50, 5, 800",
        "andorra.osm.pbf, andorra, Andorra, 104, 1, 1000"
    })
    void imports_the_real_car_parks_signals_and_streets_of_each_extract(
            String file, String tenant, String name, int carParks, int signals, int minStreets) {
        CityModel city = city(file);

        assertThat(city.tenant()).isEqualTo(tenant);
        assertThat(city.name()).isEqualTo(name);
        assertThat(city.carParks()).hasSize(carParks);
        assertThat(city.trafficSignals()).hasSize(signals);
        assertThat(city.streets()).hasSizeGreaterThan(minStreets);
        assertThat(city.sensors(SensorKind.BIN)).isNotEmpty();
        assertThat(city.sensors(SensorKind.WATER)).isNotEmpty();
        assertThat(city.sensors(SensorKind.TRAFFIC_COUNTER)).hasSizeGreaterThanOrEqualTo(Math.min(signals, 80));
        CityAssertions.assertConsistent(city, PlacementPlan.defaults());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"monaco.osm.gz", "krems.osm.gz", "north-bayreuth.osm.gz", "andorra.osm.pbf"})
    void states_the_openstreetmap_licence_and_attribution(String file) {
        Provenance provenance = city(file).provenance();

        assertThat(provenance.source()).isEqualTo("OpenStreetMap extract " + file);
        assertThat(provenance.licence()).isEqualTo("ODbL 1.0");
        assertThat(provenance.attribution()).isEqualTo("Map data © OpenStreetMap contributors, ODbL");
        assertThat(String.join(" ", provenance.notes()))
                .contains("placed them deterministically along the real streets");
    }

    @Test
    void keeps_car_park_names_and_capacity_tags() {
        CityModel krems = city("krems.osm.gz");

        assertThat(krems.carParks())
                .extracting(CarPark::name)
                .doesNotContainNull()
                .anyMatch(n -> !n.startsWith("Car park "));
        assertThat(krems.carParks())
                .filteredOn(c -> c.name().matches("Car park \\d+"))
                .isNotEmpty()
                .allMatch(c -> c.name().equals("Car park " + Integer.parseInt(c.id().substring(2))));
        assertThat(krems.carParks()).extracting(CarPark::capacity).contains(20, 400);
        // the multipolygon car park (relation 2981623) is kept, at the area of its outer way
        assertThat(krems.carParks()).hasSize(60);
    }

    @Test
    void counts_a_traffic_counter_at_every_signal_on_the_nearest_main_road() {
        CityModel krems = city("krems.osm.gz");

        for (GeoPoint signal : krems.trafficSignals()) {
            assertThat(krems.sensors(SensorKind.TRAFFIC_COUNTER))
                    .anyMatch(c -> c.location().equals(signal) && c.street().startsWith("st-"));
        }
    }

    @Test
    void places_the_same_fleet_on_every_import() {
        CityModel first = CityModels.openStreetMap(SharedData.osm("monaco.osm.gz"));
        CityModel second = CityModels.openStreetMap(SharedData.osm("monaco.osm.gz"));

        assertThat(second).isEqualTo(first);
        assertThat(CityModels.openStreetMap(SharedData.osm("andorra.osm.pbf"))).isEqualTo(city("andorra.osm.pbf"));
    }

    @Test
    void imports_under_an_explicit_tenant() {
        CityModel city = CityModels.openStreetMap(SharedData.osm("monaco.osm.gz"), "mc-test");

        assertThat(city.tenant()).isEqualTo("mc-test");
        assertThat(city.devices()).allMatch(d -> d.tenant().equals("mc-test"));
    }

    @Test
    void places_by_another_plan_when_given_one() {
        PlacementPlan plan = PlacementPlan.builder()
                .seed(7)
                .zones(2, 4)
                .carParkBays(20, 30)
                .maxStreetBays(50)
                .maxBins(40)
                .build();

        CityModel city = CityModels.openStreetMap(SharedData.osm("monaco.osm.gz"), "monaco", plan);

        assertThat(city.zones()).extracting(Zone::id).contains("z-a1", "z-b4").hasSize(8);
        assertThat(city.zones()).extracting(Zone::name).contains("Zone A1");
        assertThat(city.sensors(SensorKind.BIN)).hasSize(40);
        CityAssertions.assertConsistent(city, plan);
        assertThat(city).isNotEqualTo(city("monaco.osm.gz"));
    }
}
