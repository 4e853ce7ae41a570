package city.mycity.gateway.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The alerts the stream jobs opened and resolved, for operators: list them, and acknowledge one (who and when). The
 * stream never takes an acknowledgement back; it resolves the alert when the problem is over.
 */
public final class AlertStore {

    private static final String COLUMNS = "id, tenant_id, subject, problem, severity, status, opened_at, resolved_at,"
            + " reopened, detail, latitude, longitude, acknowledged_by, acknowledged_at";

    private final DataSource dataSource;

    public AlertStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "Data source must not be null.");
    }

    /**
     * The alerts of a tenant (or of every tenant when {@code tenant} is null), newest first.
     *
     * @param unresolvedOnly only the open and acknowledged ones
     */
    public List<StoredAlert> list(String tenant, boolean unresolvedOnly, int limit) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM alert WHERE (?::text IS NULL OR tenant_id = ?)"
                + (unresolvedOnly ? " AND status <> 'resolved'" : "") + " ORDER BY opened_at DESC, id LIMIT ?";
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, tenant);
            st.setString(2, tenant);
            st.setInt(3, limit);
            List<StoredAlert> alerts = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    alerts.add(new StoredAlert(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            instant(rs.getTimestamp(7)),
                            instant(rs.getTimestamp(8)),
                            rs.getInt(9),
                            rs.getString(10),
                            (Double) rs.getObject(11),
                            (Double) rs.getObject(12),
                            rs.getString(13),
                            instant(rs.getTimestamp(14))));
                }
            }
            return alerts;
        }
    }

    /**
     * Acknowledges an open alert as {@code by}, now.
     *
     * @return false when there is no such alert or it is not open (acknowledged already, or resolved)
     * @throws IllegalArgumentException when the id is not a UUID or nobody is named
     */
    public boolean acknowledge(String id, String by) throws SQLException {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + id + "' is not an alert id (a UUID, as alerts list shows it).", e);
        }
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException("Say who acknowledges the alert.");
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("UPDATE alert SET status = 'acknowledged',"
                        + " acknowledged_by = ?, acknowledged_at = now(), updated_at = now()"
                        + " WHERE id = ? AND status = 'open'")) {
            st.setString(1, by.strip());
            st.setObject(2, uuid);
            return st.executeUpdate() == 1;
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
