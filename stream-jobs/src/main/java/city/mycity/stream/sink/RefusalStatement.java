package city.mycity.stream.sink;

import city.mycity.stream.ingest.RefusalRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;

/**
 * Records refusals once per message digest and record index, so a redelivered bad message is not recorded twice.
 * Refusals are few; a plain JDBC batch is enough (their reasons are arrays, which {@code unnest} would flatten).
 */
public final class RefusalStatement implements BatchStatement<RefusalRow> {

    private static final long serialVersionUID = 1L;

    static final String SQL = "INSERT INTO refusal (digest, record_index, topic, tenant_id, gateway_id, device_id,"
            + " quantity, reason, reasons, details, excerpt, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (digest, record_index) DO NOTHING";

    @Override
    public int execute(Connection connection, List<RefusalRow> batch) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(SQL)) {
            for (RefusalRow r : batch) {
                insert.setBytes(1, r.digest());
                insert.setInt(2, r.recordIndex());
                insert.setString(3, clean(r.topic()));
                insert.setString(4, r.tenant());
                insert.setString(5, r.gateway());
                insert.setString(6, r.device());
                insert.setString(7, r.quantity());
                insert.setString(8, r.reason());
                insert.setArray(9, connection.createArrayOf("text", r.reasons()));
                insert.setArray(
                        10,
                        connection.createArrayOf(
                                "text",
                                Arrays.stream(r.details())
                                        .map(RefusalStatement::clean)
                                        .toArray()));
                insert.setString(11, clean(r.excerpt()));
                insert.setTimestamp(12, Timestamp.from(r.receivedAt()));
                insert.addBatch();
            }
            return Arrays.stream(insert.executeBatch()).map(n -> Math.max(n, 0)).sum();
        }
    }

    /** PostgreSQL text cannot hold NUL; a device's bytes must not be able to fail the sink. */
    private static String clean(String text) {
        return text == null ? null : text.replace('\0', '?');
    }
}
