package city.mycity.geo.alerts;

import city.mycity.citymodel.GeoPoint;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The alerts of the public's problems (table {@code alert}): leaks, bursts, congestion and full bins, which people in
 * the street see and may want to know about. A device's own health (offline, battery, stuck, out of range, a
 * gateway's backlog) is the operators' business, as is who acknowledged what: neither is here.
 */
public final class AlertQueries {

    /** The problems the public sees. */
    public static final List<String> PUBLIC_PROBLEMS = List.of("leak", "burst", "congestion", "bin-full");
    /** The most alerts one answer holds. */
    public static final int LIMIT = 1_000;

    private static final String COLUMNS = "SELECT id, subject, problem, severity, status, opened_at, resolved_at,"
            + " detail, latitude, longitude, updated_at FROM alert WHERE tenant_id = ? AND problem = ANY (?)";
    private static final String ACTIVE =
            COLUMNS + " AND status <> 'resolved' ORDER BY opened_at DESC, id LIMIT " + LIMIT;
    private static final String CHANGED = COLUMNS + " AND updated_at > ? ORDER BY updated_at, id LIMIT " + LIMIT;
    private static final String PAGE = COLUMNS + " AND (updated_at, id) > (?, ?::uuid) ORDER BY updated_at, id LIMIT ?";
    private static final String NEWEST = "SELECT max(updated_at) FROM alert WHERE tenant_id = ? AND problem = ANY (?)";
    private static final String NO_ID = "00000000-0000-0000-0000-000000000000";

    private final DataSource dataSource;
    private final String tenant;

    public AlertQueries(DataSource dataSource, String tenant) {
        this.dataSource = Objects.requireNonNull(dataSource, "Data source must not be null.");
        this.tenant = Objects.requireNonNull(tenant, "Tenant must not be null.");
    }

    /** The alerts not resolved yet, newest first. */
    public List<PublicAlert> active() throws SQLException {
        return query(ACTIVE, null);
    }

    /** The alerts that changed (opened, acknowledged, resolved, reopened) after {@code since}, oldest change first. */
    public List<PublicAlert> changedSince(Instant since) throws SQLException {
        return query(CHANGED, since);
    }

    /**
     * Every alert that changed after {@code since} (and after the alert {@code afterId} at that same time, when given),
     * oldest change first, at most {@code limit}: pages through any number of changes, for the live feed.
     */
    public List<PublicAlert> changedAfter(Instant since, String afterId, int limit) throws SQLException {
        return query(PAGE, since, afterId == null ? NO_ID : afterId, limit);
    }

    /** When the newest change was, if there was one. */
    public java.util.Optional<Instant> newestChange() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(NEWEST)) {
            st.setString(1, tenant);
            st.setArray(2, c.createArrayOf("text", PUBLIC_PROBLEMS.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                Timestamp newest = rs.getTimestamp(1);
                return java.util.Optional.ofNullable(newest).map(Timestamp::toInstant);
            }
        }
    }

    private List<PublicAlert> query(String sql, Instant since) throws SQLException {
        return query(sql, since, null, 0);
    }

    private List<PublicAlert> query(String sql, Instant since, String afterId, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(sql)) {
            Array problems = c.createArrayOf("text", PUBLIC_PROBLEMS.toArray());
            st.setString(1, tenant);
            st.setArray(2, problems);
            if (since != null) {
                st.setTimestamp(3, Timestamp.from(since));
            }
            if (afterId != null) {
                st.setString(4, afterId);
                st.setInt(5, limit);
            }
            List<PublicAlert> alerts = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    alerts.add(alertOf(rs));
                }
            }
            return alerts;
        }
    }

    /**
     * An alert from a row of {@code id, subject, problem, severity, status, opened_at, resolved_at, detail, latitude,
     * longitude, updated_at}.
     */
    static PublicAlert alertOf(ResultSet rs) throws SQLException {
        Timestamp resolved = rs.getTimestamp(7);
        Double latitude = (Double) rs.getObject(9);
        Double longitude = (Double) rs.getObject(10);
        return new PublicAlert(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getTimestamp(6).toInstant(),
                resolved == null ? null : resolved.toInstant(),
                rs.getString(8),
                latitude == null || longitude == null ? null : new GeoPoint(latitude, longitude),
                rs.getTimestamp(11).toInstant());
    }
}
