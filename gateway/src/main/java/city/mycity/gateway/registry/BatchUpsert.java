package city.mycity.gateway.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.function.Function;

/** Writes rows through an {@link UpsertSql} in JDBC batches and counts the rows it inserted or changed. */
final class BatchUpsert<T> {

    private final UpsertSql upsert;
    private final Function<T, Object[]> row;

    BatchUpsert(UpsertSql upsert, Function<T, Object[]> row) {
        this.upsert = upsert;
        this.row = row;
    }

    /** Writes the items on the caller's connection (and transaction); returns how many rows were inserted or changed. */
    int write(Connection connection, List<T> items, int batchSize) throws SQLException {
        int changed = 0;
        try (PreparedStatement ps = connection.prepareStatement(upsert.sql())) {
            int pending = 0;
            for (T item : items) {
                bind(ps, row.apply(item));
                ps.addBatch();
                if (++pending == batchSize) {
                    changed += changedRows(ps.executeBatch());
                    pending = 0;
                }
            }
            if (pending > 0) {
                changed += changedRows(ps.executeBatch());
            }
        }
        return changed;
    }

    private void bind(PreparedStatement ps, Object[] values) throws SQLException {
        if (values.length != upsert.columns().size()) {
            throw new IllegalStateException(
                    upsert.table() + " row has " + values.length + " values for columns " + upsert.columns());
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else {
                ps.setObject(i + 1, values[i]);
            }
        }
    }

    private static int changedRows(int[] counts) {
        int sum = 0;
        for (int count : counts) {
            sum += Math.max(count, 0);
        }
        return sum;
    }
}
