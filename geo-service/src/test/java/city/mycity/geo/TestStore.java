package city.mycity.geo;

import city.mycity.citymodel.CarPark;
import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.Gateway;
import city.mycity.citymodel.Sensor;
import city.mycity.citymodel.Zone;
import city.mycity.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A fresh, migrated {@link TestDatabase} with a city registered in it, and helpers to write occupancy rows as the
 * stream jobs would. The registration stands in for the gateway's until it is published.
 */
public final class TestStore implements AutoCloseable {

    private final TestDatabase database;
    private final String tenant;

    private TestStore(String tenant) {
        this.tenant = tenant;
        this.database = TestDatabase.create().migrated();
    }

    /** A migrated database with the city registered. */
    public static TestStore withCity(CityModel city) throws SQLException {
        TestStore store = new TestStore(city.tenant());
        store.register(city);
        return store;
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    /** Writes a car park's occupancy as the stream job does, stamped now. */
    public void carParkOccupancy(String carPark, int occupied, int bays) throws SQLException {
        update(
                "INSERT INTO car_park_occupancy (tenant_id, car_park_id, occupied, bays, time, updated_at)"
                        + " VALUES (?, ?, ?, ?, now(), now()) ON CONFLICT (tenant_id, car_park_id)"
                        + " DO UPDATE SET occupied = excluded.occupied, bays = excluded.bays, time = excluded.time,"
                        + " updated_at = now()",
                tenant,
                carPark,
                occupied,
                bays);
    }

    /** Writes a zone's occupancy, stamped now. */
    public void zoneOccupancy(String zone, int occupied, int bays) throws SQLException {
        update(
                "INSERT INTO zone_occupancy (tenant_id, zone_id, occupied, bays, time, updated_at)"
                        + " VALUES (?, ?, ?, ?, now(), now()) ON CONFLICT (tenant_id, zone_id)"
                        + " DO UPDATE SET occupied = excluded.occupied, bays = excluded.bays, time = excluded.time,"
                        + " updated_at = now()",
                tenant,
                zone,
                occupied,
                bays);
    }

    /** Writes a sensor's latest value, stamped now. */
    public void sensorState(String device, String quantity, double value, String unit) throws SQLException {
        update(
                "INSERT INTO sensor_state (tenant_id, device_id, quantity, value, unit, time, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, now(), now()) ON CONFLICT (tenant_id, device_id, quantity)"
                        + " DO UPDATE SET value = excluded.value, unit = excluded.unit, time = excluded.time,"
                        + " updated_at = now()",
                tenant,
                device,
                quantity,
                value,
                unit);
    }

    private void register(CityModel city) throws SQLException {
        update("INSERT INTO tenant (id, name) VALUES (?, ?)", tenant, city.name());
        for (Zone z : city.zones()) {
            update(
                    "INSERT INTO zone VALUES (?, ?, ?, ?, ?, ?, ?)",
                    tenant,
                    z.id(),
                    z.name(),
                    z.area().minLatitude(),
                    z.area().minLongitude(),
                    z.area().maxLatitude(),
                    z.area().maxLongitude());
        }
        for (Gateway g : city.gateways()) {
            update(
                    "INSERT INTO gateway VALUES (?, ?, ?, ?, ?)",
                    tenant,
                    g.id(),
                    g.zone(),
                    g.location().latitude(),
                    g.location().longitude());
        }
        for (CarPark cp : city.carParks()) {
            update(
                    "INSERT INTO car_park VALUES (?, ?, ?, ?, ?, ?, ?)",
                    tenant,
                    cp.id(),
                    cp.name(),
                    cp.zone(),
                    cp.location().latitude(),
                    cp.location().longitude(),
                    cp.capacity());
        }
        for (Sensor s : city.sensors()) {
            update(
                    "INSERT INTO device (tenant_id, id, gateway_id, kind, zone_id, site_id, latitude, longitude)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    tenant,
                    s.id(),
                    s.gateway(),
                    s.kind().code(),
                    s.zone(),
                    s.site(),
                    s.location().latitude(),
                    s.location().longitude());
        }
    }

    private void update(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource().getConnection();
                PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            st.executeUpdate();
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
