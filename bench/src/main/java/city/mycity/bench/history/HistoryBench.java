package city.mycity.bench.history;

import city.mycity.bench.BenchListener;
import city.mycity.storage.history.ReadingHistory;
import city.mycity.storage.timeseries.Rollup;
import city.mycity.storage.timeseries.StorageMaintenance;
import city.mycity.storage.timeseries.TimeSeriesSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import javax.sql.DataSource;

/**
 * The history benchmark ({@code ./mycity bench-history}): a store with the history of a city (100 million readings by
 * default), then the two history queries the dashboards and the API make, timed one after another from the client's
 * side (JDBC round trip included) at random sensors, zones and times:
 *
 * <ul>
 *   <li>a sensor's week at hourly resolution (target p99 at most 50 ms);
 *   <li>a zone's month at hourly resolution, over all its sensors (target p99 at most 200 ms);
 * </ul>
 *
 * each through {@link ReadingHistory} on the 1-hour rollup, and, as the ceiling the rollups are there to beat, a few of
 * the same queries aggregated from the raw readings. Last, the cost of keeping the rollups: an hour of the city's
 * readings stored late, then one maintenance run that rolls it up.
 */
public final class HistoryBench {

    /** Queries of each kind timed (after a warm-up of a tenth as many). */
    public record Options(HistoryShape shape, int sensorQueries, int zoneQueries, int rawQueries, long seed) {}

    private final DataSource dataSource;
    private final Options options;
    private final BenchListener listener;

    public HistoryBench(DataSource dataSource, Options options, BenchListener listener) {
        this.dataSource = dataSource;
        this.options = options;
        this.listener = listener;
    }

    public HistoryFigures run() throws SQLException {
        HistoryShape shape = options.shape();
        listener.stage(1, 4, "load " + String.format("%,d", shape.readings()) + " readings");
        HistoryLoad load = new HistoryLoad(dataSource, shape, listener);
        Instant end = load.load();
        Instant start = end.minus(load.span());
        long stored = count("SELECT count(*) FROM reading");
        ReadingHistory history = new ReadingHistory(dataSource);
        Random random = new Random(options.seed());

        listener.stage(2, 4, "a sensor's week, hourly");
        Latencies sensorWeek = time(options.sensorQueries(), () -> {
            Instant from = randomStart(random, start, end, Duration.ofDays(7));
            return history.sensor(
                            HistoryLoad.TENANT,
                            HistoryShape.device(random.nextInt(shape.devices())),
                            "fill",
                            from,
                            from.plus(7, ChronoUnit.DAYS),
                            Rollup.HOUR)
                    .size();
        });
        listener.result("sensor week, hourly: " + sensorWeek.summary());

        listener.stage(3, 4, "a zone's month, hourly");
        Latencies zoneMonth = time(options.zoneQueries(), () -> {
            Instant from = randomStart(random, start, end, Duration.ofDays(30));
            return history.zone(
                            HistoryLoad.TENANT,
                            HistoryShape.zone(random.nextInt(shape.zones())),
                            "fill",
                            from,
                            from.plus(30, ChronoUnit.DAYS),
                            Rollup.HOUR)
                    .size();
        });
        listener.result("zone month, hourly: " + zoneMonth.summary());

        listener.status("the same from raw readings, without rollups");
        Latencies rawSensorWeek = time(options.rawQueries(), () -> {
            Instant from = randomStart(random, start, end, Duration.ofDays(7));
            return rawSensor(HistoryShape.device(random.nextInt(shape.devices())), from, from.plus(7, ChronoUnit.DAYS));
        });
        Latencies rawZoneMonth = time(Math.max(1, options.rawQueries() / 5), () -> {
            Instant from = randomStart(random, start, end, Duration.ofDays(30));
            return rawZone(HistoryShape.zone(random.nextInt(shape.zones())), from, from.plus(30, ChronoUnit.DAYS));
        });
        listener.result("raw sensor week: " + rawSensorWeek.summary() + "; raw zone month: " + rawZoneMonth.summary());

        listener.stage(4, 4, "roll up an hour of readings stored late");
        long lateReadings = storeLateHour(end.minus(1, ChronoUnit.DAYS).plus(6, ChronoUnit.HOURS));
        TimeSeriesSettings noSettle = new TimeSeriesSettings(
                Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofMinutes(1));
        long began = System.nanoTime();
        StorageMaintenance.Report report =
                StorageMaintenance.of(dataSource, noSettle).runOnce();
        Duration refresh = Duration.ofNanos(System.nanoTime() - began);
        listener.result(
                "maintenance after " + lateReadings + " late readings: " + refresh.toMillis() + " ms (" + report + ")");
        return new HistoryFigures(
                stored, shape, sensorWeek, zoneMonth, rawSensorWeek, rawZoneMonth, lateReadings, report, refresh);
    }

    private static Instant randomStart(Random random, Instant start, Instant end, Duration span) {
        long hours = Duration.between(start, end.minus(span)).toHours();
        return start.plus(random.nextLong(hours + 1), ChronoUnit.HOURS);
    }

    @FunctionalInterface
    private interface Query {
        int run() throws SQLException;
    }

    /** Times {@code count} queries, after a warm-up of a tenth as many that is not counted. */
    private Latencies time(int count, Query query) throws SQLException {
        for (int i = 0; i < Math.max(1, count / 10); i++) {
            query.run();
        }
        long[] nanos = new long[count];
        long rows = 0;
        for (int i = 0; i < count; i++) {
            long began = System.nanoTime();
            rows += query.run();
            nanos[i] = System.nanoTime() - began;
            if (i % 50 == 0) {
                listener.status("query " + (i + 1) + " of " + count);
            }
        }
        return Latencies.of(nanos, rows);
    }

    private int rawSensor(String device, Instant from, Instant to) throws SQLException {
        return rows(
                "SELECT date_trunc('hour', time, 'UTC') AS hour, count(*), avg(value), min(value), max(value)"
                        + " FROM reading WHERE tenant_id = ? AND device_id = ? AND quantity = 'fill' AND time >= ?"
                        + " AND time < ? GROUP BY hour ORDER BY hour",
                device,
                from,
                to);
    }

    private int rawZone(String zone, Instant from, Instant to) throws SQLException {
        return rows(
                "SELECT date_trunc('hour', r.time, 'UTC') AS hour, count(*), avg(r.value), min(r.value),"
                        + " max(r.value) FROM device d JOIN reading r ON r.tenant_id = d.tenant_id AND r.device_id = d.id"
                        + " WHERE d.tenant_id = ? AND d.zone_id = ? AND r.quantity = 'fill' AND r.time >= ? AND r.time < ?"
                        + " GROUP BY hour ORDER BY hour",
                zone,
                from,
                to);
    }

    private int rows(String sql, String id, Instant from, Instant to) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, HistoryLoad.TENANT);
            ps.setString(2, id);
            ps.setTimestamp(3, Timestamp.from(from));
            ps.setTimestamp(4, Timestamp.from(to));
            int rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }

    /**
     * One more reading per device every 5 minutes of an hour of yesterday, stored now: what the refresh must take in.
     * Their sequence number is the run's start, so that a reused store takes new rows in every run.
     */
    private long storeLateHour(Instant hour) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO reading (tenant_id, device_id, quantity, time, value, unit, seq, received_at)
                        SELECT ?, 'bin-' || lpad(d::text, 5, '0'), 'fill',
                               ?::timestamptz + make_interval(mins => m, secs => 7), 42.0, '%', ?, now()
                        FROM generate_series(0, ? - 1) AS d CROSS JOIN generate_series(0, 59, 5) AS m
                        ON CONFLICT DO NOTHING""")) {
            ps.setString(1, HistoryLoad.TENANT);
            ps.setTimestamp(2, Timestamp.from(hour));
            ps.setLong(3, System.currentTimeMillis());
            ps.setInt(4, options.shape().devices());
            return ps.executeUpdate();
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
