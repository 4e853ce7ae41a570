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

    /**
     * The devices as the registry knows them: the sensors, then each gateway as a device of kind {@link
     * SensorKind#GATEWAY} behind itself, whose readings are its agent's health.
     */
    default List<DeviceInfo> devices() {
        List<DeviceInfo> devices =
                new java.util.ArrayList<>(sensors().size() + gateways().size());
        for (Sensor s : sensors()) {
            devices.add(new DeviceInfo(
                    tenant(),
                    s.id(),
                    s.gateway(),
                    s.kind().code(),
                    s.zone(),
                    s.site(),
                    s.location().latitude(),
                    s.location().longitude()));
        }
        for (Gateway g : gateways()) {
            devices.add(new DeviceInfo(
                    tenant(),
                    g.id(),
                    g.id(),
                    SensorKind.GATEWAY.code(),
                    g.zone(),
                    null,
                    g.location().latitude(),
                    g.location().longitude()));
        }
        return List.copyOf(devices);
    }
}
