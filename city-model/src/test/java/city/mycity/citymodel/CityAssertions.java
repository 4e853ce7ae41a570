package city.mycity.citymodel;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.citymodel.placement.PlacementPlan;
import city.mycity.reading.Identifiers;
import city.mycity.reading.SensorKind;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The rules every city model keeps, whatever its source. */
final class CityAssertions {

    private CityAssertions() {}

    static void assertConsistent(CityModel city, PlacementPlan plan) {
        assertThat(Identifiers.isValid(city.tenant()))
                .as("tenant %s", city.tenant())
                .isTrue();
        assertUniqueValidIds(city);
        Map<String, Zone> zones = city.zones().stream().collect(Collectors.toMap(Zone::id, Function.identity()));
        Map<String, Gateway> gateways =
                city.gateways().stream().collect(Collectors.toMap(Gateway::id, Function.identity()));
        assertThat(city.zones()).hasSize(plan.zoneRows() * plan.zoneColumns());
        assertThat(city.gateways()).hasSameSizeAs(city.zones());
        for (Sensor s : city.sensors()) {
            assertThat(city.bounds().contains(s.location()))
                    .as("%s inside the bounds", s.id())
                    .isTrue();
            assertThat(zones).as("zone of %s", s.id()).containsKey(s.zone());
            assertThat(s.gateway()).as("gateway of %s", s.id()).isEqualTo("gw-" + s.zone());
            assertThat(gateways.get(s.gateway()).zone()).isEqualTo(s.zone());
        }
        for (Street street : city.streets()) {
            assertThat(street.id()).matches("st-\\d+");
        }
        for (GeoPoint signal : city.trafficSignals()) {
            assertThat(city.bounds().contains(signal)).isTrue();
        }
        assertCarParksHaveTheirBays(city, plan);
        assertCaps(city, plan);
    }

    private static void assertUniqueValidIds(CityModel city) {
        Set<String> ids = new HashSet<>();
        List<String> all = new java.util.ArrayList<>();
        city.sensors().forEach(s -> all.add(s.id()));
        city.zones().forEach(z -> all.add(z.id()));
        city.gateways().forEach(g -> all.add(g.id()));
        city.carParks().forEach(c -> all.add(c.id()));
        for (String id : all) {
            assertThat(Identifiers.isValid(id)).as("valid id %s", id).isTrue();
            assertThat(ids.add(id)).as("unique id %s", id).isTrue();
        }
        city.zones().forEach(z -> assertThat(z.id()).matches("z-[a-z]\\d+"));
        city.carParks().forEach(c -> assertThat(c.id()).matches("cp\\d{3,}"));
        for (Sensor s : city.sensors()) {
            String pattern =
                    switch (s.kind()) {
                        case PARKING_BAY -> s.site() == null ? "bay-\\d{5}" : "cp\\d{3,}-b\\d{4}";
                        case BIN -> "bin-\\d{5}";
                        case TRAFFIC_COUNTER -> "tc-\\d{4}";
                        case WATER -> "ws-\\d{4}";
                        case GATEWAY -> throw new AssertionError("a gateway among the sensors: " + s.id());
                    };
            assertThat(s.id()).matches(pattern);
        }
    }

    private static void assertCarParksHaveTheirBays(CityModel city, PlacementPlan plan) {
        Map<String, List<Sensor>> bySite = city.sensors(SensorKind.PARKING_BAY).stream()
                .filter(s -> s.site() != null)
                .collect(Collectors.groupingBy(Sensor::site));
        assertThat(bySite.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        city.carParks().stream().map(CarPark::id).toList());
        for (CarPark carPark : city.carParks()) {
            List<Sensor> bays = bySite.get(carPark.id());
            assertThat(bays).as("bays of %s", carPark.id()).hasSize(carPark.capacity());
            assertThat(carPark.capacity()).isBetween(plan.minCarParkBays(), plan.maxCarParkBays());
            for (Sensor bay : bays) {
                assertThat(bay.id()).startsWith(carPark.id() + "-b");
                assertThat(bay.zone()).isEqualTo(carPark.zone());
                assertThat(bay.location().distanceTo(carPark.location())).isLessThanOrEqualTo(40.0);
            }
        }
    }

    private static void assertCaps(CityModel city, PlacementPlan plan) {
        assertThat(city.sensors(SensorKind.PARKING_BAY).stream().filter(s -> s.site() == null))
                .hasSizeLessThanOrEqualTo(plan.maxStreetBays());
        assertThat(city.sensors(SensorKind.BIN)).hasSizeLessThanOrEqualTo(plan.maxBins());
        assertThat(city.sensors(SensorKind.TRAFFIC_COUNTER)).hasSizeLessThanOrEqualTo(plan.maxTrafficCounters());
        assertThat(city.sensors(SensorKind.WATER)).hasSizeLessThanOrEqualTo(plan.maxWaterSensors());
        Set<String> streetIds = city.streets().stream().map(Street::id).collect(Collectors.toSet());
        city.sensors().stream()
                .filter(s -> s.site() == null)
                .forEach(s -> assertThat(streetIds).as("street of %s", s.id()).contains(s.street()));
    }
}
