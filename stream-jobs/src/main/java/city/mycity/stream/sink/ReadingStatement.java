package city.mycity.stream.sink;

import city.mycity.reading.Reading;
import city.mycity.reading.ReadingMetrics;
import io.micrometer.core.instrument.Metrics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Inserts readings once: a reading already stored (same tenant, device, quantity, device time and sequence number) is
 * skipped, so a replay stores nothing twice. Rows go in key order, so that two writers inserting the same readings
 * (a message delivered twice, to two subtasks) lock them in the same order and never deadlock.
 *
 * <p>A batch first goes in by binary {@code COPY}, which costs the database about half what an insert does, but
 * cannot skip a row already stored. Duplicates are rare (a message redelivered after a restart), so when the copy
 * fails on one, or on any bad row, the batch is rolled back to a savepoint and written again by {@code INSERT … SELECT
 * FROM unnest(…) ON CONFLICT DO NOTHING}, whose update count tells stored from duplicate and whose errors the writer
 * narrows down to the bad rows.
 *
 * <p>Counts {@code mycity.readings.stored}, {@code mycity.readings.duplicate} and times {@code mycity.readings.lag}
 * (device time to commit, every reading written).
 */
public final class ReadingStatement implements BatchStatement<Reading> {

    private static final long serialVersionUID = 1L;

    static final String SQL =
            "INSERT INTO reading (tenant_id, device_id, quantity, time, value, unit, seq, received_at)"
                    + " SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::float8[], ?::text[],"
                    + " ?::int8[], ?::timestamptz[])"
                    + " ON CONFLICT DO NOTHING";

    /** The order of the table's key: the order in which a batch is written. Public for the benchmarks module. */
    public static final Comparator<Reading> KEY_ORDER = Comparator.comparing(Reading::tenant)
            .thenComparing(Reading::device)
            .thenComparing(Reading::quantity)
            .thenComparing(Reading::time)
            .thenComparingLong(Reading::sequence);

    @Override
    public int execute(Connection connection, List<Reading> unordered) throws SQLException {
        List<Reading> batch = unordered.stream().sorted(KEY_ORDER).toList();
        Savepoint beforeCopy = connection.setSavepoint();
        try {
            return Math.toIntExact(BinaryCopy.copyInto(connection, "reading", batch));
        } catch (SQLException e) {
            if (!SqlErrors.isDataError(e)) {
                throw e;
            }
            connection.rollback(beforeCopy);
        }
        return insertSkippingStored(connection, batch);
    }

    /**
     * Inserts the batch, in its order, by {@code unnest}, skipping the readings already stored; returns how many were
     * not. Public for the bench module.
     */
    public static int insertSkippingStored(Connection connection, List<Reading> batch) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(SQL)) {
            insert.setArray(1, SqlArrays.text(connection, batch, Reading::tenant));
            insert.setArray(2, SqlArrays.text(connection, batch, Reading::device));
            insert.setArray(3, SqlArrays.text(connection, batch, Reading::quantity));
            insert.setArray(4, SqlArrays.times(connection, batch, Reading::time));
            insert.setArray(5, SqlArrays.doubles(connection, batch, Reading::value));
            insert.setArray(6, SqlArrays.text(connection, batch, Reading::unit));
            insert.setArray(7, SqlArrays.longs(connection, batch, Reading::sequence));
            insert.setArray(8, SqlArrays.times(connection, batch, Reading::receivedAt));
            return insert.executeUpdate();
        }
    }

    @Override
    public void committed(List<Reading> batch, int rows) {
        Metrics.globalRegistry.counter(ReadingMetrics.STORED).increment(rows);
        Metrics.globalRegistry.counter(ReadingMetrics.DUPLICATE).increment(batch.size() - rows);
        var lag = Metrics.globalRegistry.timer(ReadingMetrics.LAG);
        Instant now = Instant.now();
        for (Reading reading : batch) {
            lag.record(Duration.between(reading.time(), now));
        }
    }
}
