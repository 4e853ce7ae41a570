package city.mycity.storage;

import city.mycity.reading.DeviceDirectory;
import city.mycity.reading.DeviceInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered devices, read from the {@code device} table into memory: lookups never touch the database, and
 * {@link #refresh()} reads the table again. Safe to use from many threads.
 *
 * <p>In a Flink operator, carry the (serializable) {@link DatabaseSettings} and call {@link #load(DatabaseSettings,
 * String)} in {@code open()}.
 */
public final class JdbcDeviceDirectory implements DeviceDirectory {

    private static final Logger LOGGER = LoggerFactory.getLogger(JdbcDeviceDirectory.class);
    private static final String COLUMNS =
            "SELECT tenant_id, id, gateway_id, kind, zone_id, site_id, latitude, longitude FROM device"
                    // A retired device is no longer known: its readings are refused.
                    + " WHERE status <> 'retired'";

    /** Opens a connection for one load. */
    @FunctionalInterface
    private interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final ConnectionSource source;
    private final String tenant;
    private volatile Map<String, DeviceInfo> devices = Map.of();

    private JdbcDeviceDirectory(ConnectionSource source, String tenant) {
        this.source = source;
        this.tenant = tenant;
    }

    /** Loads the devices of one tenant, or of all tenants when {@code tenant} is {@code null}. */
    public static JdbcDeviceDirectory load(DataSource dataSource, String tenant) {
        JdbcDeviceDirectory directory = new JdbcDeviceDirectory(dataSource::getConnection, tenant);
        directory.refresh();
        return directory;
    }

    /** As {@link #load(DataSource, String)}, with a plain JDBC connection per load (no pool). */
    public static JdbcDeviceDirectory load(DatabaseSettings settings, String tenant) {
        JdbcDeviceDirectory directory = new JdbcDeviceDirectory(() -> settings.open("mycity-device-directory"), tenant);
        directory.refresh();
        return directory;
    }

    @Override
    public Optional<DeviceInfo> find(String tenantId, String device) {
        return Optional.ofNullable(devices.get(key(tenantId, device)));
    }

    /** Reads the table again; lookups see the old devices until the new ones are in. Returns the device count. */
    public int refresh() {
        Map<String, DeviceInfo> loaded = new HashMap<>();
        try (Connection c = source.open();
                PreparedStatement ps = prepare(c)) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    DeviceInfo info = row(rs);
                    loaded.put(key(info.tenant(), info.device()), info);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not load the device registry" + (tenant == null ? "" : " of tenant " + tenant) + ": "
                            + e.getMessage(),
                    e);
        }
        devices = Map.copyOf(loaded);
        LOGGER.info(
                "Device directory loaded {} device(s) of {}", loaded.size(), tenant == null ? "all tenants" : tenant);
        return loaded.size();
    }

    /** The devices as of the last load. */
    public Collection<DeviceInfo> devices() {
        return devices.values();
    }

    public int size() {
        return devices.size();
    }

    private PreparedStatement prepare(Connection c) throws SQLException {
        if (tenant == null) {
            return c.prepareStatement(COLUMNS);
        }
        PreparedStatement ps = c.prepareStatement(COLUMNS + " AND tenant_id = ?");
        ps.setString(1, tenant);
        return ps;
    }

    private static DeviceInfo row(ResultSet rs) throws SQLException {
        return new DeviceInfo(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getDouble(7),
                rs.getDouble(8));
    }

    private static String key(String tenant, String device) {
        return tenant + "/" + device;
    }
}
