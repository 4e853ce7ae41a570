package city.mycity.geo;

import city.mycity.citymodel.CityModel;
import city.mycity.gateway.registry.CityRegistration;
import city.mycity.storage.timeseries.StorageMaintenance;
import city.mycity.storage.timeseries.TimeSeriesSettings;
import city.mycity.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * A fresh, migrated {@link TestDatabase} with a city registered in it, and helpers to write occupancy rows as the
 * stream jobs would. The city is registered by the gateway's {@link CityRegistration}.
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
        CityRegistration.on(store.dataSource()).register(city);
        return store;
    }

    /**
     * A pool on a new role of this kind (dropped with the database), as the platform's services have: for one council
     * ({@code council} true: its connections name the city's council, as the read-only side's do) or for all.
     */
    public com.zaxxer.hikari.HikariDataSource pool(
            city.mycity.storage.DatabaseRoles.Kind kind, String prefix, boolean council) {
        String role = database.roleName(prefix);
        String password = java.util.HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(16));
        city.mycity.storage.DatabaseRoles.create(dataSource(), kind, role, password);
        // So that dropping the database may end a session of the role a closing pool has just let go of (a
        // CREATEROLE account is not a member of the roles it creates before PostgreSQL 16).
        database.execute("GRANT " + role + " TO CURRENT_USER");
        city.mycity.storage.DatabaseSettings settings = city.mycity.storage.DatabaseSettings.of(
                        database.jdbcUrl(), role, password)
                .withPoolSize(4);
        return council
                ? city.mycity.storage.Database.poolForCouncil(settings, prefix, tenant)
                : city.mycity.storage.Database.pool(settings, prefix);
    }

    /** The database itself, for roles of its own. */
    public TestDatabase database() {
        return database;
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

    /** Writes a car park's forecast at one horizon, issued at {@code issued} (ISO-8601). */
    public void carParkForecast(String carPark, int horizonMinutes, String issued, double occupied, int bays)
            throws SQLException {
        update(
                "INSERT INTO car_park_forecast (tenant_id, car_park_id, horizon_min, issued_at, occupied, bays)"
                        + " VALUES (?, ?, ?, ?::timestamptz, ?, ?)",
                tenant,
                carPark,
                horizonMinutes,
                issued,
                occupied,
                bays);
    }

    /** Writes a bin's status: full at {@code fullAt} (ISO-8601), stamped now. */
    public void binStatus(String bin, double fill, String fullAt) throws SQLException {
        update(
                "INSERT INTO bin_status (tenant_id, bin_id, fill, rate_per_hour, full_at, time)"
                        + " VALUES (?, ?, ?, 2.5, ?::timestamptz, now())",
                tenant,
                bin,
                fill,
                fullAt);
    }

    /**
     * Writes an alert as the analytics jobs do, opened at {@code opened} (ISO-8601) with {@code status}, acknowledged by
     * an operator when not open, stamped now; gives its id.
     */
    public String alert(String subject, String problem, String status, String opened) throws SQLException {
        String id = java.util.UUID.randomUUID().toString();
        update(
                "INSERT INTO alert (id, tenant_id, subject, problem, severity, status, opened_at, resolved_at,"
                        + " changed_at, detail, latitude, longitude, acknowledged_by, acknowledged_at)"
                        + " VALUES (?::uuid, ?, ?, ?, 'warning', ?, ?::timestamptz,"
                        + " CASE WHEN ? = 'resolved' THEN now() END, now(), 'as the job found it', 50.01, 4.02,"
                        + " CASE WHEN ? <> 'open' THEN 'operator.jane' END, CASE WHEN ? <> 'open' THEN now() END)",
                id,
                tenant,
                subject,
                problem,
                status,
                opened,
                status,
                status,
                status);
        return id;
    }

    /** Writes {@code count} open leak alerts in one transaction, all stamped with the same time, as a replay does. */
    public void leaks(int count) throws SQLException {
        update(
                "INSERT INTO alert (id, tenant_id, subject, problem, severity, status, opened_at, changed_at, detail)"
                        + " SELECT gen_random_uuid(), ?, 'ws-' || n, 'leak', 'warning', 'open', now(), now(), 'replayed'"
                        + " FROM generate_series(1, ?) AS n",
                tenant,
                count);
    }

    /** Resolves an alert as the analytics jobs do, stamped now. */
    public void resolveAlert(String id) throws SQLException {
        update(
                "UPDATE alert SET status = 'resolved', resolved_at = now(), changed_at = now(), updated_at = now()"
                        + " WHERE id = ?::uuid",
                id);
    }

    /** Writes a car park's last occupancy in a minute (ISO-8601). */
    public void occupancyMinute(String carPark, String minute, int occupied, int bays) throws SQLException {
        update(
                "INSERT INTO occupancy_minute (tenant_id, scope, scope_id, minute, occupied, bays, time)"
                        + " VALUES (?, 'car-park', ?, ?::timestamptz, ?, ?, ?::timestamptz)",
                tenant,
                carPark,
                minute,
                occupied,
                bays,
                minute);
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

    /** Stores a reading, as the stream job does. */
    public void reading(String device, String quantity, double value, String unit, String time) throws SQLException {
        update(
                "INSERT INTO reading (tenant_id, device_id, quantity, time, value, unit, seq, received_at)"
                        + " VALUES (?, ?, ?, ?::timestamptz, ?, ?, -1, now())",
                tenant,
                device,
                quantity,
                time,
                value,
                unit);
    }

    /** Runs storage maintenance once, with no settle time: the readings stored so far are rolled up. */
    public void rollUp() throws SQLException {
        StorageMaintenance.of(
                        dataSource(),
                        new TimeSeriesSettings(
                                Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofMinutes(1)))
                .runOnce();
    }

    /**
     * Writes {@code count} readings of each quantity every registered device reports, minutes apart and an hour ago,
     * within each quantity's range, and the sensors' newest state, as the stream jobs would.
     */
    public void readingsForEveryDevice(int count) throws SQLException {
        try (java.sql.Connection c = dataSource().getConnection();
                java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO reading (tenant_id, device_id,"
                        + " quantity, time, value, unit, seq, received_at) SELECT d.tenant_id, d.id, q.quantity,"
                        + " now() - interval '1 hour' + n * interval '1 minute', q.min + (n % 2) * (q.max - q.min) / 2,"
                        + " q.unit, n, now() FROM device d JOIN sensor_kind_quantity q ON q.kind = d.kind AND NOT"
                        + " q.optional CROSS JOIN generate_series(1, ?) n WHERE d.tenant_id = ?")) {
            ps.setInt(1, count);
            ps.setString(2, tenant);
            ps.executeUpdate();
        }
        update(
                "INSERT INTO sensor_state (tenant_id, device_id, quantity, value, unit, time, seq, updated_at)"
                        + " SELECT DISTINCT ON (device_id, quantity) tenant_id, device_id, quantity, value, unit, time,"
                        + " seq, now() FROM reading WHERE tenant_id = ? ORDER BY device_id, quantity, time DESC"
                        + " ON CONFLICT (tenant_id, device_id, quantity) DO UPDATE SET value = excluded.value,"
                        + " time = excluded.time, seq = excluded.seq, updated_at = now()",
                tenant);
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
