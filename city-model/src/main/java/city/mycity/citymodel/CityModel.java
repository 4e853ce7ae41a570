package city.mycity.citymodel;

import city.mycity.reading.DeviceInfo;
import city.mycity.reading.SensorKind;
import java.util.List;

/**
 * Everything the platform knows of a city's layout: every service reads the city through this interface, whether it
 * was imported from OpenStreetMap or generated. Lists are immutable and in a stable order.
 */
public interface CityModel {

    /** The tenant (council) that owns the city's devices. */
    String tenant();

    /** The city's display name. */
    String name();

    BoundingBox bounds();

    List<Zone> zones();

    List<Street> streets();

    List<CarPark> carParks();

    List<Gateway> gateways();

    List<Sensor> sensors();

    Provenance provenance();

    /** The positions of the city's traffic signals; empty when the source has none. */
    default List<GeoPoint> trafficSignals() {
        return List.of();
    }

    default List<Sensor> sensors(SensorKind kind) {
        return sensors().stream().filter(s -> s.kind() == kind).toList();
    }

    /** The sensors as the registry knows them. */
    default List<DeviceInfo> devices() {
        return sensors().stream()
                .map(s -> new DeviceInfo(
                        tenant(),
                        s.id(),
                        s.gateway(),
                        s.kind().code(),
                        s.zone(),
                        s.site(),
                        s.location().latitude(),
                        s.location().longitude()))
                .toList();
    }
}
