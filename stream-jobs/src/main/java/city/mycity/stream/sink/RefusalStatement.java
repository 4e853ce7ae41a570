package city.mycity.stream.sink;

import city.mycity.stream.ingest.RefusalRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records refusals once per message digest and record index, so a redelivered bad message is not recorded twice, and
 * each refused message whole, once per digest, in {@code refused_message} (for re-injection after a fix).
 * Refusals are few; a plain JDBC batch is enough (their reasons are arrays, which {@code unnest} would flatten). The
 * texts come cleaned by {@link RefusalRow#of}; a row the table still cannot hold is dropped by the writer.
 */
public final class RefusalStatement implements BatchStatement<RefusalRow> {

    private static final long serialVersionUID = 1L;

    static final String SQL = "INSERT INTO refusal (digest, record_index, topic, tenant_id, gateway_id, device_id,"
            + " quantity, reason, reasons, details, excerpt, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (digest, record_index) DO NOTHING";

    static final String MESSAGE_SQL = "INSERT INTO refused_message (digest, topic, payload, received_at)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (digest) DO NOTHING";

    @Override
    public int execute(Connection connection, List<RefusalRow> batch) throws SQLException {
        Map<String, RefusalRow> messages = new TreeMap<>();
        for (RefusalRow r : batch) {
            messages.putIfAbsent(HexFormat.of().formatHex(r.digest()), r);
        }
        try (PreparedStatement insert = connection.prepareStatement(MESSAGE_SQL)) {
            for (RefusalRow r : messages.values()) {
                insert.setBytes(1, r.digest());
                insert.setString(2, r.topic());
                insert.setBytes(3, r.payload());
                insert.setTimestamp(4, Timestamp.from(r.receivedAt()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(SQL)) {
            for (RefusalRow r : batch) {
                insert.setBytes(1, r.digest());
                insert.setInt(2, r.recordIndex());
                insert.setString(3, r.topic());
                insert.setString(4, r.tenant());
                insert.setString(5, r.gateway());
                insert.setString(6, r.device());
                insert.setString(7, r.quantity());
                insert.setString(8, r.reason());
                insert.setArray(9, connection.createArrayOf("text", r.reasons()));
                insert.setArray(10, connection.createArrayOf("text", r.details()));
                insert.setString(11, r.excerpt());
                insert.setTimestamp(12, Timestamp.from(r.receivedAt()));
                insert.addBatch();
            }
            return Arrays.stream(insert.executeBatch()).map(n -> Math.max(n, 0)).sum();
        }
    }
}
