package city.mycity.storage.timeseries;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The 1-minute and 1-hour rollups as TimescaleDB continuous aggregates over the {@code reading} hypertable, with the
 * same names and columns as {@link NativeRollups}' tables, and the retention of all three as TimescaleDB policies.
 * Not exercised on machines without TimescaleDB; needs TimescaleDB 2.8 or later ({@code if_exists} of the policy
 * functions). Continuous aggregates cannot be created inside a transaction, so {@link #create} runs with auto-commit
 * on. TimescaleDB 2.13 and later answer from what is materialised only, so the hourly rollup lags by the settle time
 * and one bucket, where the native one refreshes the current hour every run.
 */
final class TimescaleRollups {

    /** How often the policy refreshes each rollup, and how far short of now it stops (as the native settle time). */
    private static final String SCHEDULE = "1 minute";

    private TimescaleRollups() {}

    /** Migration: the continuous aggregates, materialised over the readings stored so far. */
    static void create(Connection c, Duration settle) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (Rollup rollup : Rollup.values()) {
                s.execute("CREATE MATERIALIZED VIEW " + rollup.table() + " WITH (timescaledb.continuous) AS"
                        + " SELECT tenant_id, device_id, quantity, time_bucket(INTERVAL '" + rollup.sqlInterval()
                        + "', time) AS bucket, count(*)::integer AS readings, sum(value) AS sum, min(value) AS min,"
                        + " max(value) AS max FROM reading GROUP BY tenant_id, device_id, quantity, bucket"
                        + " WITH NO DATA");
                s.execute("CALL refresh_continuous_aggregate('" + rollup.table() + "', NULL, now() - INTERVAL '"
                        + settle.toSeconds() + " seconds')");
            }
        }
    }

    /**
     * Sets the refresh and retention policies from the settings (again at every start, so that a changed setting
     * takes effect). The refresh window stops a day short of the readings' retention: refreshing over dropped raw
     * chunks would empty the aggregates there.
     */
    static void applyPolicies(Connection c, TimeSeriesSettings retention) throws SQLException {
        // In one transaction: a failed add leaves the former policies in place, not none.
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (Rollup rollup : Rollup.values()) {
                s.execute("SELECT remove_continuous_aggregate_policy('" + rollup.table() + "', if_exists => true)");
                String start = retention.keepReadings().isZero()
                        ? "NULL"
                        : "INTERVAL '" + retention.keepReadings().minusDays(1).toSeconds() + " seconds'";
                s.execute("SELECT add_continuous_aggregate_policy('" + rollup.table() + "', start_offset => " + start
                        + ", end_offset => INTERVAL '"
                        + (retention.settle().toSeconds() + rollup.bucket().toSeconds())
                        + " seconds', schedule_interval => INTERVAL '" + SCHEDULE + "')");
            }
            retain(s, "reading", retention.keepReadings());
            for (Rollup rollup : Rollup.values()) {
                retain(s, rollup.table(), retention.keep(rollup));
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static void retain(Statement s, String relation, Duration keep) throws SQLException {
        s.execute("SELECT remove_retention_policy('" + relation + "', if_exists => true)");
        if (!keep.isZero()) {
            s.execute("SELECT add_retention_policy('" + relation + "', INTERVAL '" + keep.toSeconds() + " seconds')");
        }
    }
}
