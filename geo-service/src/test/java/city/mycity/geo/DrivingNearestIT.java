package city.mycity.geo;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.citymodel.CarPark;
import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.CityModels;
import city.mycity.citymodel.GeoPoint;
import city.mycity.citymodel.Street;
import city.mycity.geo.driving.DrivingTimes;
import city.mycity.routing.road.Travel;
import city.mycity.testkit.SharedData;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The nearest parking by driving time on a real extract with one-way streets (Monaco, from OpenStreetMap): from a
 * place where the car park nearest as the crow flies is not the nearest by road, the API ranks the nearest by road
 * first.
 */
class DrivingNearestIT {

    private static CityModel monaco;
    private static TestStore store;
    private static Vertx vertx;
    private static GeoService service;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        monaco = CityModels.openStreetMap(SharedData.resolve("osm/monaco.osm.gz"), "monaco-driving");
        store = TestStore.withCity(monaco);
        for (CarPark carPark : monaco.carParks()) {
            store.carParkOccupancy(carPark.id(), 0, carPark.capacity());
        }
        vertx = Vertx.vertx();
        service = GeoService.builder()
                .vertx(vertx)
                .city(monaco)
                .dataSource(store.dataSource())
                .port(0)
                .build();
        http = new Http(vertx, service.start());
    }

    @AfterAll
    static void stop() throws Exception {
        http.close();
        service.close();
        vertx.close().await();
        store.close();
    }

    @Test
    void where_the_nearest_as_the_crow_flies_is_not_the_nearest_by_road_the_nearest_by_road_comes_first() {
        DrivingTimes driving = DrivingTimes.of(monaco).orElseThrow();
        List<CarPark> carParks = monaco.carParks();
        assertThat(carParks).as("car parks in the extract").hasSizeGreaterThan(5);
        GeoPoint origin = null;
        CarPark byRoad = null;
        CarPark asTheCrowFlies = null;
        for (Street street : monaco.streets()) {
            GeoPoint place = street.points().get(0);
            Travel[] travels;
            try {
                travels = driving.from(
                        place, carParks.stream().map(CarPark::location).toList());
            } catch (RuntimeException offTheNetwork) {
                continue;
            }
            CarPark crow = carParks.stream()
                    .min(Comparator.comparingDouble(cp -> place.distanceTo(cp.location())))
                    .orElseThrow();
            int fastest = 0;
            for (int i = 1; i < travels.length; i++) {
                if (travels[i].seconds() < travels[fastest].seconds()) {
                    fastest = i;
                }
            }
            double crowSeconds = travels[carParks.indexOf(crow)].seconds();
            if (carParks.get(fastest) != crow && crowSeconds > travels[fastest].seconds() + 30) {
                origin = place;
                byRoad = carParks.get(fastest);
                asTheCrowFlies = crow;
                break;
            }
        }
        assertThat(origin)
                .as("a place where the crow and the road disagree by half a minute")
                .isNotNull();

        JsonArray features = http.get(String.format(
                        Locale.ROOT,
                        "/api/v1/parking/nearest?lat=%.7f&lon=%.7f&limit=50",
                        origin.latitude(),
                        origin.longitude()))
                .bodyAsJsonObject()
                .getJsonArray("features");

        JsonObject first = features.getJsonObject(0);
        assertThat(first.getString("id")).isEqualTo(byRoad.id()).isNotEqualTo(asTheCrowFlies.id());
        List<Long> seconds = features.stream()
                .map(f -> ((JsonObject) f).getJsonObject("properties").getLong("driving_s"))
                .toList();
        assertThat(seconds).isSorted();
        double crowDistance = origin.distanceTo(asTheCrowFlies.location());
        assertThat(first.getJsonObject("properties").getLong("distance_m"))
                .as("the first by road is farther as the crow flies")
                .isGreaterThan(Math.round(crowDistance));
    }
}
