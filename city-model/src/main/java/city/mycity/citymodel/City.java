package city.mycity.citymodel;

import java.util.List;

/** The plain, immutable {@link CityModel} that every source builds. */
public record City(
        String tenant,
        String name,
        BoundingBox bounds,
        List<Zone> zones,
        List<Street> streets,
        List<CarPark> carParks,
        List<Gateway> gateways,
        List<Sensor> sensors,
        Provenance provenance)
        implements CityModel {

    public City {
        zones = List.copyOf(zones);
        streets = List.copyOf(streets);
        carParks = List.copyOf(carParks);
        gateways = List.copyOf(gateways);
        sensors = List.copyOf(sensors);
    }
}
