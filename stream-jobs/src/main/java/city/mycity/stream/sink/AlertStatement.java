package city.mycity.stream.sink;

import city.mycity.analytics.alert.AlertChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/**
 * Writes alerts over their rows by id. A newer change wins; an operator's acknowledgement survives the stream
 * reopening an alert it acknowledged (it stays acknowledged, and who and when stay recorded) until the stream resolves
 * it.
 */
public final class AlertStatement implements BatchStatement<AlertChange> {

    private static final long serialVersionUID = 1L;

    private static final String SQL = "INSERT INTO alert AS a (id, tenant_id, subject, problem, severity, status,"
            + " opened_at, resolved_at, changed_at, reopened, detail, latitude, longitude)"
            + " VALUES (?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET"
            + " status = CASE WHEN a.status = 'acknowledged' AND excluded.status = 'open' THEN a.status"
            + " ELSE excluded.status END,"
            + " resolved_at = excluded.resolved_at, changed_at = excluded.changed_at, reopened = excluded.reopened,"
            + " detail = excluded.detail, updated_at = now()"
            + " WHERE a.changed_at <= excluded.changed_at";

    @Override
    public int execute(Connection connection, List<AlertChange> batch) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(SQL)) {
            for (AlertChange change : batch) {
                upsert.setString(1, change.id());
                upsert.setString(2, change.tenant());
                upsert.setString(3, change.subject());
                upsert.setString(4, change.problem());
                upsert.setString(5, change.severity().code());
                upsert.setString(6, change.status());
                upsert.setTimestamp(7, Timestamp.from(change.openedAt()));
                SqlValues.setTimeOrNull(upsert, 8, change.resolvedAt());
                upsert.setTimestamp(9, Timestamp.from(change.changedAt()));
                upsert.setInt(10, change.reopened());
                upsert.setString(11, change.detail());
                SqlValues.setDoubleOrNull(upsert, 12, change.latitude());
                SqlValues.setDoubleOrNull(upsert, 13, change.longitude());
                upsert.addBatch();
            }
            return SqlValues.rows(upsert.executeBatch());
        }
    }
}
