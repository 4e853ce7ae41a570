package city.mycity.chaos;

import city.mycity.citymodel.City;
import city.mycity.citymodel.CityModel;

/** A city as one gateway's agent sees it: everything, but only the sensors behind that gateway. */
final class OneGateway {

    private OneGateway() {}

    static City of(CityModel city, String gateway) {
        return new City(
                city.tenant(),
                city.name(),
                city.bounds(),
                city.zones(),
                city.streets(),
                city.carParks(),
                city.gateways(),
                city.sensors().stream()
                        .filter(sensor -> sensor.gateway().equals(gateway))
                        .toList(),
                city.provenance(),
                city.trafficSignals());
    }
}
