package city.mycity.gateway.operations;

import city.mycity.gateway.store.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The council's alerts for the operations centre, newest first, with their device's kind, zone and place, who
 * acknowledged and who resolved each (an operator's resolution is in the audit log, at the alert's {@code
 * resolved_at}: the same transaction), and the notes they left.
 */
public final class AlertQueue {

    private static final String SQL = "SELECT a.id, a.subject, a.kind, a.zone_id, a.problem, a.severity, a.status,"
            + " a.opened_at, a.updated_at, a.reopened, a.detail, coalesce(a.longitude, a.d_longitude),"
            + " coalesce(a.latitude, a.d_latitude), a.acknowledged_by, a.acknowledged_at, ack.details ->> 'note',"
            + " a.resolved_at, res.actor, res.details ->> 'note'"
            + " FROM (SELECT a.*, d.kind, d.zone_id, d.longitude AS d_longitude, d.latitude AS d_latitude"
            + " FROM alert a LEFT JOIN device d ON d.tenant_id = a.tenant_id AND d.id = a.subject"
            + " WHERE a.tenant_id = ?%s ORDER BY a.opened_at DESC, a.id LIMIT ?) a"
            + " LEFT JOIN LATERAL (SELECT l.details FROM audit_log l WHERE l.tenant_id = a.tenant_id"
            + " AND l.at = a.acknowledged_at AND l.action = 'alert.acknowledge' AND l.target = a.id::text"
            + " ORDER BY l.id DESC LIMIT 1) ack ON true"
            + " LEFT JOIN LATERAL (SELECT l.actor, l.details FROM audit_log l WHERE l.tenant_id = a.tenant_id"
            + " AND l.at = a.resolved_at AND l.action = 'alert.resolve' AND l.target = a.id::text"
            + " ORDER BY l.id DESC LIMIT 1) res ON true"
            + " ORDER BY a.opened_at DESC, a.id";

    private final DataSource dataSource;
    private final OperationsSettings settings;

    public AlertQueue(DataSource dataSource, OperationsSettings settings) {
        this.dataSource = Objects.requireNonNull(dataSource, "Data source must not be null.");
        this.settings = Objects.requireNonNull(settings, "Settings must not be null.");
    }

    /**
     * The council's alerts the filter asks for. With {@code since}, every alert that changed after it (looking {@link
     * OperationsSettings#lookback()} further back) is read, and those whose status the filter leaves out are in
     * {@link AlertPage#removed()}: resolved, say, to be taken off a queue of unresolved ones.
     */
    public AlertPage list(String tenant, AlertFilter filter) {
        Objects.requireNonNull(tenant, "Tenant must not be null.");
        return Transactions.forTenant(dataSource, tenant, c -> {
            Instant now = StoreClock.now(c);
            StringBuilder where = new StringBuilder();
            List<Object> params = new ArrayList<>();
            params.add(tenant);
            if (filter.since() == null) {
                where.append(" AND ").append(filter.status().condition());
            } else {
                where.append(" AND a.updated_at > ?");
                params.add(filter.since().minus(settings.lookback()).atOffset(ZoneOffset.UTC));
            }
            if (filter.kind() != null) {
                where.append(" AND d.kind = ?");
                params.add(filter.kind());
            }
            if (filter.zone() != null) {
                where.append(" AND d.zone_id = ?");
                params.add(filter.zone());
            }
            params.add(filter.limit() + 1);
            List<QueuedAlert> found = query(c, where.toString(), params);
            boolean more = found.size() > filter.limit();
            List<QueuedAlert> alerts = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            for (QueuedAlert alert : found.subList(0, Math.min(found.size(), filter.limit()))) {
                if (filter.status().matches(alert.status())) {
                    alerts.add(alert);
                } else {
                    removed.add(alert.id());
                }
            }
            return new AlertPage(now, alerts, removed, more);
        });
    }

    /** One alert of the council, if there is one of that id. */
    public Optional<QueuedAlert> find(String tenant, String id) {
        Optional<UUID> uuid = uuid(id);
        if (uuid.isEmpty()) {
            return Optional.empty();
        }
        return Transactions.forTenant(
                dataSource, tenant, c -> query(c, " AND a.id = ?", List.of(tenant, uuid.get(), 1)).stream()
                        .findFirst());
    }

    /** The id as a UUID, or empty when it is not one (and so no alert's). */
    static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static List<QueuedAlert> query(Connection c, String where, List<Object> params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(String.format(SQL, where))) {
            for (int i = 0; i < params.size(); i++) {
                st.setObject(i + 1, params.get(i));
            }
            List<QueuedAlert> alerts = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    alerts.add(new QueuedAlert(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            instant(rs, 8),
                            instant(rs, 9),
                            rs.getInt(10),
                            rs.getString(11),
                            finite((Double) rs.getObject(12)),
                            finite((Double) rs.getObject(13)),
                            rs.getString(14),
                            instant(rs, 15),
                            rs.getString(16),
                            instant(rs, 17),
                            rs.getString(18),
                            rs.getString(19)));
                }
            }
            return alerts;
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static Double finite(Double value) {
        return value == null || value.isNaN() || value.isInfinite() ? null : value;
    }

    /**
     * The alerts of one answer.
     *
     * @param asOf the store's time of the answer: the {@code since} of the next poll
     * @param alerts the alerts the filter asks for, newest first
     * @param removed with {@code since}: the alerts that changed to a status the filter leaves out
     * @param more whether the limit left some out
     */
    public record AlertPage(Instant asOf, List<QueuedAlert> alerts, List<String> removed, boolean more) {}
}
