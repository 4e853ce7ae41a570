package city.mycity.storage.timeseries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * The 1-minute and 1-hour rollups of {@code reading} in plain tables, kept up to date the way a TimescaleDB continuous
 * aggregate is, late readings included: each refresh takes the readings stored since the last one (by {@code
 * stored_at}, through a BRIN index), and recomputes from {@code reading} every minute and hour bucket they fall in. A
 * reading stored hours late therefore corrects its buckets instead of being missed.
 *
 * <p>{@code stored_at} is the start of the writing transaction, so a refresh stops a settle time short of now: a batch
 * still being written when the refresh runs is taken by the next one.
 */
public final class NativeRollups {

    private NativeRollups() {}

    /** Migration: the rollup tables and the refresh's progress. */
    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (Rollup rollup : Rollup.values()) {
                s.execute("CREATE TABLE " + rollup.table() + " (" + """
                        tenant_id  text             NOT NULL,
                        device_id  text             NOT NULL,
                        quantity   text             NOT NULL,
                        bucket     timestamptz      NOT NULL,
                        readings   integer          NOT NULL,
                        sum        double precision NOT NULL,
                        min        double precision NOT NULL,
                        max        double precision NOT NULL,
                        PRIMARY KEY (tenant_id, device_id, quantity, bucket)
                        )""");
                s.execute("CREATE INDEX " + rollup.table() + "_bucket_brin ON " + rollup.table()
                        + " USING brin (bucket) WITH (pages_per_range = 32, autosummarize = on)");
            }
            s.execute("""
                    CREATE TABLE rollup_progress (
                        source        text        PRIMARY KEY,
                        refreshed_to  timestamptz NOT NULL,
                        refreshed_at  timestamptz NOT NULL DEFAULT now()
                    )""");
            s.execute("INSERT INTO rollup_progress (source, refreshed_to) VALUES ('reading', '-infinity')");
        }
    }

    /**
     * Refreshes both rollups for the readings stored after the last refresh, at most {@code window} of storing time
     * at once and not after {@code upTo}, skipping readings before {@code oldest} (their raw neighbours may be gone).
     * Runs in the caller's transaction; returns what it did ({@link Refresh#caughtUp()} when nothing is left).
     */
    public static Refresh refresh(Connection c, Instant upTo, Duration window, Instant oldest) throws SQLException {
        Instant from = refreshedTo(c);
        if (from == null) {
            from = firstStored(c, upTo);
            if (from == null) {
                return new Refresh(0, 0, true);
            }
            from = from.minusNanos(1_000);
        }
        if (!from.isBefore(upTo)) {
            return new Refresh(0, 0, true);
        }
        Instant to = from.plus(window).isBefore(upTo) ? from.plus(window) : upTo;
        try (Statement s = c.createStatement()) {
            // Many small index probes: compiling them (JIT) costs more than it saves.
            s.execute("SET LOCAL jit = off");
        }
        try (PreparedStatement ps = c.prepareStatement("""
                CREATE TEMP TABLE rollup_touched ON COMMIT DROP AS
                SELECT DISTINCT tenant_id, device_id, quantity, date_trunc('minute', time, 'UTC') AS bucket
                FROM reading WHERE stored_at > ? AND stored_at <= ? AND time >= ?""")) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            ps.setTimestamp(3, Timestamp.from(oldest));
            ps.execute();
        }
        int minutes;
        int hours;
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE rollup_touched");
            minutes = s.executeUpdate(upsert(Rollup.MINUTE, "rollup_touched"));
            s.execute("CREATE TEMP TABLE rollup_touched_hours ON COMMIT DROP AS SELECT DISTINCT tenant_id, device_id,"
                    + " quantity, date_trunc('hour', bucket, 'UTC') AS bucket FROM rollup_touched");
            s.execute("ANALYZE rollup_touched_hours");
            hours = s.executeUpdate(upsert(Rollup.HOUR, "rollup_touched_hours"));
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE rollup_progress SET refreshed_to = ?, refreshed_at = now() WHERE source = 'reading'")) {
            ps.setTimestamp(1, Timestamp.from(to));
            ps.executeUpdate();
        }
        return new Refresh(minutes, hours, !to.isBefore(upTo));
    }

    /** Deletes the buckets of {@code rollup} before {@code cutoff}, and returns how many. */
    public static int deleteBefore(Connection c, Rollup rollup, Instant cutoff) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + rollup.table() + " WHERE bucket < ?")) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            return ps.executeUpdate();
        }
    }

    /**
     * Recomputes each touched bucket from {@code reading}, one bucket at a time through the primary key (a lateral
     * subquery: a join lets the planner hash all of {@code reading} instead, as it cannot tell how few rows a bucket
     * holds), and writes it over the bucket's former row.
     */
    private static String upsert(Rollup rollup, String touched) {
        return "INSERT INTO " + rollup.table() + " (tenant_id, device_id, quantity, bucket, readings, sum, min, max)"
                + " SELECT t.tenant_id, t.device_id, t.quantity, t.bucket, a.readings, a.sum, a.min, a.max"
                + " FROM " + touched + " t CROSS JOIN LATERAL (SELECT count(*) AS readings, sum(r.value) AS sum,"
                + " min(r.value) AS min, max(r.value) AS max FROM reading r WHERE r.tenant_id = t.tenant_id"
                + " AND r.device_id = t.device_id AND r.quantity = t.quantity AND r.time >= t.bucket"
                + " AND r.time < t.bucket + interval '" + rollup.sqlInterval() + "') a WHERE a.readings > 0"
                + " ON CONFLICT (tenant_id, device_id, quantity, bucket) DO UPDATE SET readings = EXCLUDED.readings,"
                + " sum = EXCLUDED.sum, min = EXCLUDED.min, max = EXCLUDED.max";
    }

    private static Instant refreshedTo(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT refreshed_to, refreshed_to = '-infinity' FROM rollup_progress"
                        + " WHERE source = 'reading'")) {
            if (!rs.next()) {
                throw new IllegalStateException("rollup_progress has no row for reading: was migration V9 applied?");
            }
            return rs.getBoolean(2) ? null : rs.getTimestamp(1).toInstant();
        }
    }

    private static Instant firstStored(Connection c, Instant upTo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT min(stored_at) FROM reading WHERE stored_at <= ?")) {
            ps.setTimestamp(1, Timestamp.from(upTo));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp first = rs.getTimestamp(1);
                return first == null ? null : first.toInstant();
            }
        }
    }

    /**
     * What one refresh did.
     *
     * @param minutes minute buckets written
     * @param hours hour buckets written
     * @param caughtUp whether it reached the refresh's upper bound
     */
    public record Refresh(int minutes, int hours, boolean caughtUp) {}
}
