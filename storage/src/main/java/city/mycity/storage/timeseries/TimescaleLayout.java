package city.mycity.storage.timeseries;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The TimescaleDB layout of {@code reading}: a hypertable in 1-day chunks (existing rows moved in), compressed per
 * tenant and device once a chunk is 7 days old. Not exercised on machines without TimescaleDB.
 */
final class TimescaleLayout {

    static final String CHUNK_INTERVAL = "1 day";
    static final String COMPRESS_AFTER = "7 days";

    private TimescaleLayout() {}

    static void apply(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS timescaledb");
            s.execute(
                    "SELECT create_hypertable('reading', 'time', migrate_data => true, chunk_time_interval => interval '"
                            + CHUNK_INTERVAL + "')");
            s.execute("ALTER TABLE reading SET (timescaledb.compress,"
                    + " timescaledb.compress_segmentby = 'tenant_id, device_id',"
                    + " timescaledb.compress_orderby = 'quantity, time DESC')");
            s.execute("SELECT add_compression_policy('reading', interval '" + COMPRESS_AFTER + "')");
        }
    }
}
