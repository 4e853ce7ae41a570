package city.mycity.storage.timeseries;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The native PostgreSQL layout of {@code reading}: the primary key (tenant, device, quantity, time) serves per-device
 * queries, and a BRIN index on {@code time} serves time-range scans at a tiny size, since readings arrive roughly in
 * time order.
 */
final class NativeLayout {

    private NativeLayout() {}

    static void apply(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE INDEX reading_time_brin ON reading USING brin (time) WITH (pages_per_range = 32)");
        }
    }
}
