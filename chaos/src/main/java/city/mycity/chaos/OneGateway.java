package city.mycity.chaos;

import city.mycity.citymodel.City;
import city.mycity.citymodel.CityModel;

/** A city as one gateway's agent sees it: everything, but only the sensors behind that gateway. */
final class OneGateway {

    private OneGateway() {}

    static City of(CityModel city, String gateway) {
        return City.part(
                city,
                city.carParks(),
                city.sensors().stream()
                        .filter(sensor -> sensor.gateway().equals(gateway))
                        .toList());
    }
}
