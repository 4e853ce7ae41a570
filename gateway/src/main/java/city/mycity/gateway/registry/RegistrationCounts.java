package city.mycity.gateway.registry;

import java.time.Duration;

/** The account of one {@link CityRegistration#register} call. */
public record RegistrationCounts(
        String tenant,
        TableCount tenants,
        TableCount zones,
        TableCount gateways,
        TableCount carParks,
        TableCount devices,
        Duration took) {

    /** Rows inserted or updated over all tables: 0 when the same city is registered again. */
    public int changed() {
        return tenants.changed() + zones.changed() + gateways.changed() + carParks.changed() + devices.changed();
    }

    @Override
    public String toString() {
        return tenant + ": " + zones.registered() + " zones, " + gateways.registered() + " gateways, "
                + carParks.registered() + " car parks, " + devices.registered() + " devices; " + changed()
                + " row(s) inserted or changed in " + took.toMillis() + " ms";
    }
}
