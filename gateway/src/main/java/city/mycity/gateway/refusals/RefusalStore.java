package city.mycity.gateway.refusals;

import city.mycity.gateway.exception.StorageException;
import city.mycity.gateway.store.Transactions;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The refusals the stream job recorded ({@code refusal}, {@code refused_message}): counted, read and marked replayed. */
public final class RefusalStore {

    /** The messages matching a filter: a refusal row of theirs matches every condition. */
    private static final String MATCHING = " FROM refused_message m WHERE EXISTS (SELECT 1 FROM refusal r"
            + " WHERE r.digest = m.digest"
            + " AND (?::text IS NULL OR r.tenant_id = ?)"
            + " AND (?::text IS NULL OR r.reason = ?)"
            + " AND (?::text IS NULL OR r.device_id = ?))"
            + " AND (?::timestamptz IS NULL OR m.received_at >= ?)";

    private final DataSource dataSource;

    public RefusalStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Refused readings per primary reason among the refusals that match (the limit does not apply). */
    public Map<String, Long> countByReason(RefusalFilter filter) throws SQLException {
        String sql = "SELECT r.reason, count(*) FROM refusal r WHERE (?::text IS NULL OR r.tenant_id = ?)"
                + " AND (?::text IS NULL OR r.reason = ?) AND (?::text IS NULL OR r.device_id = ?)"
                + " AND (?::timestamptz IS NULL OR r.received_at >= ?) GROUP BY r.reason ORDER BY count(*) DESC";
        return inTransaction(filter, c -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, filter);
                try (ResultSet rows = ps.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
            return counts;
        });
    }

    /** The matching messages, oldest first, at most {@code filter.limit()}. */
    public List<RefusedMessage> messages(RefusalFilter filter) throws SQLException {
        String sql = "SELECT m.digest, m.topic, m.payload, m.received_at, m.replays,"
                + " (SELECT array_agg(DISTINCT r.reason ORDER BY r.reason) FROM refusal r WHERE r.digest = m.digest)"
                + MATCHING + " ORDER BY m.received_at, m.digest LIMIT ?";
        return inTransaction(filter, c -> {
            List<RefusedMessage> messages = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int next = bind(ps, filter);
                ps.setInt(next, filter.limit());
                try (ResultSet rows = ps.executeQuery()) {
                    while (rows.next()) {
                        Array reasons = rows.getArray(6);
                        messages.add(new RefusedMessage(
                                rows.getBytes(1),
                                rows.getString(2),
                                rows.getBytes(3),
                                rows.getTimestamp(4).toInstant(),
                                reasons == null ? List.of() : Arrays.asList((String[]) reasons.getArray()),
                                rows.getInt(5)));
                    }
                }
            }
            return messages;
        });
    }

    /** Counts one more re-injection of the message, now. */
    public void markReplayed(byte[] digest) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE refused_message SET replays = replays + 1, replayed_at = now() WHERE digest = ?")) {
            ps.setBytes(1, digest);
            ps.executeUpdate();
        }
    }

    /** One council's work names it (row-level security keeps a service's role to it); the operators' tools see all. */
    private <T> T inTransaction(RefusalFilter filter, Transactions.Work<T> work) throws SQLException {
        try {
            return Transactions.forTenant(dataSource, filter.tenant(), work);
        } catch (StorageException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e;
        }
    }

    /** Binds the filter's conditions (each twice: the null test and the value); returns the next parameter index. */
    private static int bind(PreparedStatement ps, RefusalFilter filter) throws SQLException {
        int i = 1;
        for (String value : new String[] {filter.tenant(), filter.reason(), filter.device()}) {
            ps.setString(i++, value);
            ps.setString(i++, value);
        }
        Timestamp since = filter.since() == null ? null : Timestamp.from(filter.since());
        ps.setTimestamp(i++, since);
        ps.setTimestamp(i++, since);
        return i;
    }
}
