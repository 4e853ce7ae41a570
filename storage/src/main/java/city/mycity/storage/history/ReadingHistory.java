package city.mycity.storage.history;

import city.mycity.storage.timeseries.Rollup;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The history of a quantity, from the rollups: one sensor's, or a zone's (all its sensors together), per minute or
 * per hour between two instants. A query reads at most one rollup row per device and bucket, through the rollup's
 * primary key, so its cost grows with the buckets asked for, not with the readings stored. The newest minutes (the
 * rollup's settle time, two by default) are not in it yet.
 */
public final class ReadingHistory {

    /** The longest span one query may cover at each resolution. */
    private static final Duration LONGEST_MINUTES = Duration.ofDays(7);

    private static final Duration LONGEST_HOURS = Duration.ofDays(400);

    private final DataSource dataSource;

    public ReadingHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The sensor's buckets of {@code quantity} in [from, to), oldest first. */
    public List<HistoryBucket> sensor(
            String tenant, String device, String quantity, Instant from, Instant to, Rollup resolution)
            throws SQLException {
        check(from, to, resolution);
        String sql = "SELECT bucket, readings, 1, sum / readings, min, max FROM " + resolution.table()
                + " WHERE tenant_id = ? AND device_id = ? AND quantity = ? AND bucket >= ? AND bucket < ?"
                + " ORDER BY bucket";
        return query(sql, tenant, device, quantity, from, to);
    }

    /** The zone's buckets of {@code quantity} in [from, to) over all its devices, oldest first. */
    public List<HistoryBucket> zone(
            String tenant, String zone, String quantity, Instant from, Instant to, Rollup resolution)
            throws SQLException {
        check(from, to, resolution);
        String sql = "SELECT r.bucket, sum(r.readings), count(*), sum(r.sum) / sum(r.readings), min(r.min), max(r.max)"
                + " FROM device d JOIN " + resolution.table() + " r ON r.tenant_id = d.tenant_id AND r.device_id = d.id"
                + " WHERE d.tenant_id = ? AND d.zone_id = ? AND r.quantity = ? AND r.bucket >= ? AND r.bucket < ?"
                + " GROUP BY r.bucket ORDER BY r.bucket";
        return query(sql, tenant, zone, quantity, from, to);
    }

    /** The longest span one query may cover at {@code resolution}: 7 days per minute, 400 days per hour. */
    public static Duration longest(Rollup resolution) {
        return resolution == Rollup.MINUTE ? LONGEST_MINUTES : LONGEST_HOURS;
    }

    private static void check(Instant from, Instant to, Rollup resolution) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("History 'from' must be before 'to', was " + from + " to " + to + ".");
        }
        Duration longest = longest(resolution);
        if (Duration.between(from, to).compareTo(longest) > 0) {
            throw new IllegalArgumentException("A history at "
                    + resolution.name().toLowerCase(java.util.Locale.ROOT) + " resolution covers at most "
                    + longest.toDays() + " days; ask for a coarser resolution.");
        }
    }

    private List<HistoryBucket> query(String sql, String tenant, String id, String quantity, Instant from, Instant to)
            throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant);
            ps.setString(2, id);
            ps.setString(3, quantity);
            ps.setTimestamp(4, Timestamp.from(from));
            ps.setTimestamp(5, Timestamp.from(to));
            List<HistoryBucket> buckets = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    buckets.add(new HistoryBucket(
                            rs.getTimestamp(1).toInstant(),
                            rs.getLong(2),
                            rs.getInt(3),
                            rs.getDouble(4),
                            rs.getDouble(5),
                            rs.getDouble(6)));
                }
            }
            return buckets;
        }
    }
}
