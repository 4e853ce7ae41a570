package city.mycity.citymodel;

import java.util.List;

/**
 * The plain, immutable {@link CityModel} that every source builds.
 *
 * @param trafficSignals the positions of the city's traffic signals (OSM {@code highway=traffic_signals})
 */
public record City(
        String tenant,
        String name,
        BoundingBox bounds,
        List<Zone> zones,
        List<Street> streets,
        List<CarPark> carParks,
        List<Gateway> gateways,
        List<Sensor> sensors,
        Provenance provenance,
        List<GeoPoint> trafficSignals)
        implements CityModel {

    public City {
        trafficSignals = List.copyOf(trafficSignals);
        zones = List.copyOf(zones);
        streets = List.copyOf(streets);
        carParks = List.copyOf(carParks);
        gateways = List.copyOf(gateways);
        sensors = List.copyOf(sensors);
    }

    /**
     * A part of a city: only these car parks and sensors, the rest (streets, zones, gateways, provenance) as it is; e.g.
     * the sensors behind one gateway, or a few for a test.
     */
    public static City part(CityModel city, List<CarPark> carParks, List<Sensor> sensors) {
        return new City(
                city.tenant(),
                city.name(),
                city.bounds(),
                city.zones(),
                city.streets(),
                carParks,
                city.gateways(),
                sensors,
                city.provenance(),
                city.trafficSignals());
    }

    /** A city without traffic signals (the constructor before {@link #trafficSignals()} was added). */
    public City(
            String tenant,
            String name,
            BoundingBox bounds,
            List<Zone> zones,
            List<Street> streets,
            List<CarPark> carParks,
            List<Gateway> gateways,
            List<Sensor> sensors,
            Provenance provenance) {
        this(tenant, name, bounds, zones, streets, carParks, gateways, sensors, provenance, List.of());
    }
}
