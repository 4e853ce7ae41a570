package city.mycity.stream.registry;

import city.mycity.reading.DeviceInfo;
import city.mycity.stream.sink.JdbcConnector;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Loads every device of the {@code device} table (every tenant). */
public record JdbcDeviceRegistry(JdbcConnector connector) implements DeviceRegistry {

    private static final String QUERY =
            "SELECT tenant_id, id, gateway_id, kind, zone_id, site_id, latitude, longitude FROM device";

    @Override
    public List<DeviceInfo> load() throws SQLException {
        List<DeviceInfo> devices = new ArrayList<>();
        try (Connection connection = connector.open();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(QUERY)) {
            while (rows.next()) {
                devices.add(new DeviceInfo(
                        rows.getString(1),
                        rows.getString(2),
                        rows.getString(3),
                        rows.getString(4),
                        rows.getString(5),
                        rows.getString(6),
                        rows.getDouble(7),
                        rows.getDouble(8)));
            }
        }
        return devices;
    }
}
