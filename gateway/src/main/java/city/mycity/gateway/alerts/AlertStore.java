package city.mycity.gateway.alerts;

import city.mycity.gateway.audit.AuditLog;
import city.mycity.gateway.exception.ConflictException;
import city.mycity.gateway.exception.NotFoundException;
import city.mycity.gateway.store.Transactions;
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
 * The alerts the stream jobs opened and resolved, for operators: list them, acknowledge one (who and when), resolve
 * one. The stream never takes an acknowledgement back; it resolves the alert when the problem is over, and reopens it
 * when the problem comes back. An operator's acknowledgement and resolution through the API ({@link
 * #acknowledge(String, String, String, String)}, {@link #resolve}) are each written with their audit record, and set
 * {@code updated_at}, so that the public feed and the live stream see them.
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

    /**
     * Acknowledges one of a council's alerts as {@code by}, now, with an optional note (in the audit log).
     *
     * @return true when acknowledged now, false when it was acknowledged already (by whoever did first)
     * @throws NotFoundException when the council has no alert of that id
     * @throws ConflictException when the alert is resolved
     */
    public boolean acknowledge(String tenant, String id, String by, String note) {
        return Transactions.forTenant(dataSource, tenant, c -> {
            String status = lockedStatus(c, tenant, id);
            if (status.equals("acknowledged")) {
                return false;
            }
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE alert SET status = 'acknowledged',"
                            + " acknowledged_by = ?, acknowledged_at = now(), updated_at = now() WHERE tenant_id = ? AND id = ?")) {
                st.setString(1, by);
                st.setString(2, tenant);
                st.setObject(3, UUID.fromString(id));
                st.executeUpdate();
            }
            AuditLog.record(c, tenant, by, "alert.acknowledge", id, details(c, note));
            return true;
        });
    }

    /**
     * Resolves one of a council's open or acknowledged alerts as {@code by}, now, with an optional note; who and the
     * note are in the audit log, at the alert's {@code resolved_at}. Its {@code changed_at} moves to now, so that the
     * stream recomputing an older change (a replay) does not open it again; the problem coming back does. A problem the
     * public reported (Open311) behind the alert is closed with it, the note as its status notes.
     *
     * @throws NotFoundException when the council has no alert of that id
     * @throws ConflictException when the alert is resolved already
     */
    public void resolve(String tenant, String id, String by, String note) {
        Transactions.forTenant(dataSource, tenant, c -> {
            lockedStatus(c, tenant, id);
            try (PreparedStatement st = c.prepareStatement("UPDATE alert SET status = 'resolved', resolved_at = now(),"
                    + " changed_at = greatest(changed_at, now()), updated_at = now() WHERE tenant_id = ? AND id = ?")) {
                st.setString(1, tenant);
                st.setObject(2, UUID.fromString(id));
                st.executeUpdate();
            }
            // A problem the public reported (Open311) is closed with its alert, so that its reporter sees it dealt
            // with.
            try (PreparedStatement st = c.prepareStatement("UPDATE service_request SET status = 'closed',"
                    + " status_notes = coalesce(?, status_notes), updated_at = now()"
                    + " WHERE tenant_id = ? AND alert_id = ? AND status = 'open'")) {
                st.setString(1, note);
                st.setString(2, tenant);
                st.setObject(3, UUID.fromString(id));
                st.executeUpdate();
            }
            AuditLog.record(c, tenant, by, "alert.resolve", id, details(c, note));
            return null;
        });
    }

    /** The alert's status, its row locked until the transaction ends; a resolved one is refused. */
    private static String lockedStatus(Connection c, String tenant, String id) throws SQLException {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No alert " + id + ": an alert's id is a UUID, as the queue shows it.");
        }
        try (PreparedStatement st =
                c.prepareStatement("SELECT status FROM alert WHERE tenant_id = ? AND id = ? FOR UPDATE")) {
            st.setString(1, tenant);
            st.setObject(2, uuid);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("No alert " + id + ".");
                }
                String status = rs.getString(1);
                if (status.equals("resolved")) {
                    throw new ConflictException("Alert " + id + " is resolved already; the stream reopens it if the"
                            + " problem comes back.");
                }
                return status;
            }
        }
    }

    /** The audit record's details: the note, as the store writes JSON. */
    private static String details(Connection c, String note) throws SQLException {
        if (note == null) {
            return null;
        }
        try (PreparedStatement st = c.prepareStatement("SELECT jsonb_build_object('note', ?::text)::text")) {
            st.setString(1, note);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
