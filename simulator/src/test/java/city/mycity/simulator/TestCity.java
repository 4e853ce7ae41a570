package city.mycity.simulator;

import city.mycity.citymodel.BoundingBox;
import city.mycity.citymodel.CarPark;
import city.mycity.citymodel.City;
import city.mycity.citymodel.Gateway;
import city.mycity.citymodel.GeoPoint;
import city.mycity.citymodel.Provenance;
import city.mycity.citymodel.Sensor;
import city.mycity.citymodel.Zone;
import city.mycity.reading.SensorKind;
import java.util.ArrayList;
import java.util.List;

/** A small hand-made town: two zones, two car parks, street bays, counters, bins and water sensors. */
public final class TestCity {

    public static final String TENANT = "test-town";

    private TestCity() {}

    public static City small() {
        return small(TENANT);
    }

    /** The town under another tenant, so that integration-test runs do not see each other. */
    public static City small(String tenant) {
        BoundingBox a1 = new BoundingBox(50.0, 4.0, 50.01, 4.01);
        BoundingBox a2 = new BoundingBox(50.0, 4.01, 50.01, 4.02);
        List<Zone> zones = List.of(new Zone("z-a1", "North", a1), new Zone("z-a2", "South", a2));
        List<Gateway> gateways =
                List.of(new Gateway("gw-z-a1", "z-a1", a1.center()), new Gateway("gw-z-a2", "z-a2", a2.center()));
        List<CarPark> carParks = List.of(
                new CarPark("cp001", "Station", "z-a1", a1.center(), 20),
                new CarPark("cp002", "Market", "z-a2", a2.center(), 15));
        List<Sensor> sensors = new ArrayList<>();
        for (CarPark carPark : carParks) {
            String gateway = "gw-" + carPark.zone();
            for (int b = 1; b <= carPark.capacity(); b++) {
                sensors.add(sensor(
                        String.format("%s-b%04d", carPark.id(), b),
                        SensorKind.PARKING_BAY,
                        carPark.zone(),
                        carPark.id()));
            }
        }
        for (int i = 1; i <= 10; i++) {
            sensors.add(sensor(String.format("bay-%05d", i), SensorKind.PARKING_BAY, zoneOf(i), null));
        }
        for (int i = 1; i <= 4; i++) {
            sensors.add(sensor(String.format("tc-%04d", i), SensorKind.TRAFFIC_COUNTER, zoneOf(i), null));
        }
        for (int i = 1; i <= 12; i++) {
            sensors.add(sensor(String.format("bin-%05d", i), SensorKind.BIN, zoneOf(i), null));
        }
        for (int i = 1; i <= 4; i++) {
            sensors.add(sensor(String.format("ws-%04d", i), SensorKind.WATER, zoneOf(i), null));
        }
        return new City(
                tenant,
                "Test Town",
                new BoundingBox(50.0, 4.0, 50.01, 4.02),
                zones,
                List.of(),
                carParks,
                gateways,
                sensors,
                new Provenance("hand-made test town", null, null, List.of()));
    }

    private static String zoneOf(int i) {
        return i % 2 == 0 ? "z-a2" : "z-a1";
    }

    private static Sensor sensor(String id, SensorKind kind, String zone, String site) {
        return new Sensor(id, kind, zone, "gw-" + zone, site, null, new GeoPoint(50.005, 4.005));
    }
}
