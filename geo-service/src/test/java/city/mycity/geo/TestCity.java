package city.mycity.geo;

import city.mycity.citymodel.BoundingBox;
import city.mycity.citymodel.CarPark;
import city.mycity.citymodel.City;
import city.mycity.citymodel.Gateway;
import city.mycity.citymodel.GeoPoint;
import city.mycity.citymodel.Provenance;
import city.mycity.citymodel.RoadClass;
import city.mycity.citymodel.Sensor;
import city.mycity.citymodel.Street;
import city.mycity.citymodel.Zone;
import city.mycity.reading.SensorKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A small hand-built town for tests: two zones, four car parks (north-west, centre, south-east, south), three on-street bays,
 * a bin and a traffic counter, and four streets.
 */
public final class TestCity {

    private TestCity() {}

    public static City create(String tenant) {
        BoundingBox west = new BoundingBox(50.00, 8.00, 50.02, 8.015);
        BoundingBox east = new BoundingBox(50.00, 8.015, 50.02, 8.03);
        List<Zone> zones = List.of(new Zone("z-a1", "Old Town", west), new Zone("z-a2", "Harbour", east));
        List<Gateway> gateways = List.of(
                new Gateway("gw-z-a1", "z-a1", new GeoPoint(50.01, 8.007)),
                new Gateway("gw-z-a2", "z-a2", new GeoPoint(50.01, 8.022)));
        List<CarPark> carParks = List.of(
                new CarPark("cp001", "Market Square", "z-a1", new GeoPoint(50.018, 8.003), 4),
                new CarPark("cp002", "Station Garage", "z-a1", new GeoPoint(50.010, 8.012), 3),
                new CarPark("cp003", "Harbour Deck", "z-a2", new GeoPoint(50.002, 8.028), 2),
                new CarPark("cp004", "Church Lane", "z-a1", new GeoPoint(50.005, 8.010), 5));
        List<Sensor> sensors = new ArrayList<>();
        for (CarPark cp : carParks) {
            for (int i = 1; i <= cp.capacity(); i++) {
                String id = String.format("%s-b%04d", cp.id(), i);
                sensors.add(new Sensor(
                        id,
                        SensorKind.PARKING_BAY,
                        cp.zone(),
                        "gw-" + cp.zone(),
                        cp.id(),
                        null,
                        new GeoPoint(cp.location().latitude(), cp.location().longitude() + i * 1e-5)));
            }
        }
        sensors.add(bay("bay-00001", "z-a1", "s-3", 50.0150, 8.0050));
        sensors.add(bay("bay-00002", "z-a1", "s-3", 50.0151, 8.0052));
        sensors.add(bay("bay-00003", "z-a2", "s-2", 50.0050, 8.0205));
        sensors.add(
                new Sensor("bin-00001", SensorKind.BIN, "z-a2", "gw-z-a2", null, "s-2", new GeoPoint(50.0060, 8.0200)));
        sensors.add(new Sensor(
                "tc-0001", SensorKind.TRAFFIC_COUNTER, "z-a1", "gw-z-a1", null, "s-1", new GeoPoint(50.0100, 8.0060)));
        // A small network: High Street and Harbour Road cross, Mill Lane joins Harbour Road, Mill Link leads one way
        // from High Street up to Mill Lane, Quay Street runs south from High Street's end; the service road is cut off.
        List<Street> streets = List.of(
                street(
                        "s-1",
                        "High Street",
                        RoadClass.PRIMARY,
                        50.010,
                        8.000,
                        50.010,
                        8.015,
                        50.010,
                        8.020,
                        50.010,
                        8.030),
                street(
                        "s-2",
                        "Harbour Road",
                        RoadClass.SECONDARY,
                        50.000,
                        8.020,
                        50.010,
                        8.020,
                        50.015,
                        8.020,
                        50.020,
                        8.020),
                street("s-3", "Mill Lane", RoadClass.RESIDENTIAL, 50.015, 8.000, 50.015, 8.015, 50.015, 8.020),
                street("s-4", null, RoadClass.SERVICE, 50.017, 8.002, 50.019, 8.004),
                new Street(
                        "s-5",
                        "Mill Link",
                        RoadClass.RESIDENTIAL,
                        List.of(new GeoPoint(50.010, 8.015), new GeoPoint(50.015, 8.015)),
                        Street.Direction.FORWARD,
                        null),
                street("s-6", "Quay Street", RoadClass.RESIDENTIAL, 50.010, 8.030, 50.000, 8.030));
        return new City(
                tenant,
                "Testville",
                new BoundingBox(50.00, 8.00, 50.02, 8.03),
                zones,
                streets,
                carParks,
                gateways,
                sensors,
                new Provenance(
                        "generated test town",
                        null,
                        null,
                        List.of("Car parks and sensors were placed by hand for tests.")));
    }

    private static Sensor bay(String id, String zone, String street, double lat, double lon) {
        return new Sensor(id, SensorKind.PARKING_BAY, zone, "gw-" + zone, null, street, new GeoPoint(lat, lon));
    }

    /** A street through these points, given as latitude, longitude, latitude, longitude, ... */
    private static Street street(String id, String name, RoadClass c, double... coordinates) {
        List<GeoPoint> points = new ArrayList<>();
        for (int i = 0; i < coordinates.length; i += 2) {
            points.add(new GeoPoint(coordinates[i], coordinates[i + 1]));
        }
        return new Street(id, name, c, points);
    }
}
