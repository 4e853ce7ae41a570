package city.mycity.gateway.registry;

import city.mycity.citymodel.CarPark;
import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.Gateway;
import city.mycity.citymodel.Zone;
import city.mycity.reading.DeviceInfo;
import java.util.List;

/** How each part of a city model maps onto the registry tables of schema V1. */
final class RegistryTables {

    static final BatchUpsert<CityModel> TENANT = new BatchUpsert<>(
            new UpsertSql("tenant", List.of("id"), List.of("name")), city -> new Object[] {city.tenant(), city.name()});

    private RegistryTables() {}

    static BatchUpsert<Zone> zones(String tenant) {
        return new BatchUpsert<>(
                new UpsertSql(
                        "zone",
                        List.of("tenant_id", "id"),
                        List.of("name", "min_latitude", "min_longitude", "max_latitude", "max_longitude")),
                z -> new Object[] {
                    tenant,
                    z.id(),
                    z.name(),
                    z.area().minLatitude(),
                    z.area().minLongitude(),
                    z.area().maxLatitude(),
                    z.area().maxLongitude()
                });
    }

    static BatchUpsert<Gateway> gateways(String tenant) {
        return new BatchUpsert<>(
                new UpsertSql("gateway", List.of("tenant_id", "id"), List.of("zone_id", "latitude", "longitude")),
                g -> new Object[] {
                    tenant,
                    g.id(),
                    g.zone(),
                    g.location().latitude(),
                    g.location().longitude()
                });
    }

    static BatchUpsert<CarPark> carParks(String tenant) {
        return new BatchUpsert<>(
                new UpsertSql(
                        "car_park",
                        List.of("tenant_id", "id"),
                        List.of("name", "zone_id", "latitude", "longitude", "capacity")),
                p -> new Object[] {
                    tenant,
                    p.id(),
                    p.name(),
                    p.zone(),
                    p.location().latitude(),
                    p.location().longitude(),
                    p.capacity()
                });
    }

    static BatchUpsert<DeviceInfo> devices() {
        return new BatchUpsert<>(
                new UpsertSql(
                        "device",
                        List.of("tenant_id", "id"),
                        List.of("gateway_id", "kind", "zone_id", "site_id", "latitude", "longitude")),
                d -> new Object[] {
                    d.tenant(), d.device(), d.gateway(), d.kind(), d.zone(), d.site(), d.latitude(), d.longitude()
                });
    }
}
