package city.mycity.bench.history;

import city.mycity.bench.BenchListener;
import city.mycity.storage.timeseries.ReadingPartitions;
import city.mycity.storage.timeseries.Rollup;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;

/**
 * Fills a migrated store with the history bench's city, a day at a time: the day's readings straight into {@code
 * reading} (each stored two seconds after its time, as live), then the day rolled up into {@code reading_1m} and
 * {@code reading_1h}, which is what the maintenance's refresh writes for readings that come in order, without a
 * hundred million key probes. The weeks' partitions are made first, as maintenance would have made them. A store that
 * already holds the same shape is used as it is (the load of 100 million readings takes the better part of an hour).
 */
final class HistoryLoad {

    static final String TENANT = "bench-town";

    private final DataSource dataSource;
    private final HistoryShape shape;
    private final BenchListener listener;

    HistoryLoad(DataSource dataSource, HistoryShape shape, BenchListener listener) {
        this.dataSource = dataSource;
        this.shape = shape;
        this.listener = listener;
    }

    /** The first instant after the loaded history (the start of today, UTC, when it was loaded). */
    Instant load() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Instant loadedEnd = loadedEnd(c);
            if (loadedEnd != null) {
                listener.result(
                        "Reusing the " + shape.readings() + " readings loaded before (ending " + loadedEnd + ")");
                return loadedEnd;
            }
            try (Statement s = c.createStatement()) {
                s.execute("SET synchronous_commit = off");
                s.execute("CREATE TABLE bench_history_shape (devices integer, zones integer, days integer,"
                        + " interval_s bigint, history_end timestamptz, complete boolean)");
            }
            Instant end = Instant.now().truncatedTo(ChronoUnit.DAYS);
            Instant start = end.minus(shape.days(), ChronoUnit.DAYS);
            register(c);
            c.setAutoCommit(false);
            ReadingPartitions.ensureWeeks(c, start, end.plus(21, ChronoUnit.DAYS));
            c.commit();
            for (int day = 0; day < shape.days(); day++) {
                Instant from = start.plus(day, ChronoUnit.DAYS);
                loadDay(c, from, from.plus(1, ChronoUnit.DAYS));
                c.commit();
                listener.status("loaded day " + (day + 1) + " of " + shape.days() + " ("
                        + String.format("%,d", (day + 1) * shape.readingsPerDeviceDay() * shape.devices())
                        + " readings)");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE rollup_progress SET refreshed_to ="
                    + " (SELECT max(stored_at) FROM reading WHERE time >= ?) WHERE source = 'reading'")) {
                ps.setTimestamp(1, Timestamp.from(end.minus(1, ChronoUnit.DAYS)));
                ps.executeUpdate();
            }
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO bench_history_shape VALUES (?, ?, ?, ?, ?, true)")) {
                ps.setInt(1, shape.devices());
                ps.setInt(2, shape.zones());
                ps.setInt(3, shape.days());
                ps.setLong(4, shape.interval().toSeconds());
                ps.setTimestamp(5, Timestamp.from(end));
                ps.executeUpdate();
            }
            c.commit();
            c.setAutoCommit(true);
            listener.status("summarising the BRIN indexes and analysing the tables");
            ReadingPartitions.summarize(c);
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE " + Rollup.HOUR.table());
                s.execute("VACUUM ANALYZE " + Rollup.MINUTE.table());
                s.execute("ANALYZE reading");
            }
            listener.result("Loaded " + String.format("%,d", shape.readings()) + " readings over " + shape.days()
                    + " days and rolled them up");
            return end;
        }
    }

    private Instant loadedEnd(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT to_regclass('bench_history_shape') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return null;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT history_end FROM bench_history_shape WHERE devices = ?"
                + " AND zones = ? AND days = ? AND interval_s = ? AND complete")) {
            ps.setInt(1, shape.devices());
            ps.setInt(2, shape.zones());
            ps.setInt(3, shape.days());
            ps.setLong(4, shape.interval().toSeconds());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getTimestamp(1).toInstant();
                }
            }
        }
        throw new IllegalStateException("The bench database holds another shape, or a load that did not finish: run"
                + " with --fresh to load it again.");
    }

    private void register(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO tenant (id, name) VALUES ('" + TENANT + "', 'History bench town')");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO device (tenant_id, id, gateway_id, kind, zone_id,"
                + " latitude, longitude) VALUES (?, ?, 'gw-bench', 'bin', ?, ?, ?)")) {
            for (int d = 0; d < shape.devices(); d++) {
                ps.setString(1, TENANT);
                ps.setString(2, HistoryShape.device(d));
                ps.setString(3, shape.zoneOf(d));
                ps.setDouble(4, 52.0 + d * 1e-5);
                ps.setDouble(5, -1.9 + d * 1e-5);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** One day: every device's readings (offset by the device so they spread over the interval), then the rollups. */
    private void loadDay(Connection c, Instant from, Instant to) throws SQLException {
        long step = shape.interval().toSeconds();
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO reading (tenant_id, device_id, quantity, time, value, unit, seq, received_at, stored_at)
                SELECT ?, 'bin-' || lpad(d::text, 5, '0'), 'fill', t,
                       round((50 + 45 * sin(extract(epoch FROM t) / 259200.0 * 2 * pi() + d))::numeric, 1)::float8,
                       '%', -1, t + interval '1 second', t + interval '2 seconds'
                FROM generate_series(0, ? - 1) AS d
                CROSS JOIN LATERAL generate_series(?::timestamptz + make_interval(secs => d % ?),
                                                   ?::timestamptz - interval '1 second',
                                                   make_interval(secs => ?)) AS t""")) {
            ps.setString(1, TENANT);
            ps.setInt(2, shape.devices());
            ps.setTimestamp(3, Timestamp.from(from));
            ps.setLong(4, step);
            ps.setTimestamp(5, Timestamp.from(to));
            ps.setLong(6, step);
            ps.executeUpdate();
        }
        for (Rollup rollup : Rollup.values()) {
            String unit = rollup == Rollup.MINUTE ? "minute" : "hour";
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + rollup.table()
                    + " (tenant_id, device_id, quantity, bucket, readings, sum, min, max)"
                    + " SELECT tenant_id, device_id, quantity, date_trunc('" + unit + "', time, 'UTC'), count(*),"
                    + " sum(value), min(value), max(value) FROM reading WHERE time >= ? AND time < ?"
                    + " GROUP BY 1, 2, 3, 4")) {
                ps.setTimestamp(1, Timestamp.from(from));
                ps.setTimestamp(2, Timestamp.from(to));
                ps.executeUpdate();
            }
        }
    }

    /** How long the history covers. */
    Duration span() {
        return Duration.ofDays(shape.days());
    }
}
