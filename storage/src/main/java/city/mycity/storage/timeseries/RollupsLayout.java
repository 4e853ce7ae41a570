package city.mycity.storage.timeseries;

import city.mycity.storage.TimeSeriesProfile;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * Migration V9, storage as data grows, on the profile V2 chose: natively, {@code reading} becomes partitioned by week
 * ({@link ReadingPartitions}) and gains rollup tables ({@link NativeRollups}); on TimescaleDB, the hypertable gains
 * continuous aggregates ({@link TimescaleRollups}). Retention is applied by {@link StorageMaintenance} on both.
 */
public final class RollupsLayout {

    private RollupsLayout() {}

    /** Applies V9 on a connection with auto-commit on. */
    public static void apply(Connection c) throws SQLException {
        TimeSeriesProfile profile = TimeSeriesProfile.of(c);
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE INDEX IF NOT EXISTS device_zone ON device (tenant_id, zone_id)");
            }
            if (profile == TimeSeriesProfile.NATIVE) {
                ReadingPartitions.convert(c, Instant.now());
                NativeRollups.create(c);
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
        if (profile == TimeSeriesProfile.TIMESCALEDB) {
            c.setAutoCommit(true);
            try {
                TimescaleRollups.create(c, TimeSeriesSettings.defaults().settle());
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }
}
