package city.mycity.stream.sink;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/** Binding values that may be missing (a NaN, a null time) as SQL NULL, and counting what a batch wrote. */
final class SqlValues {

    private SqlValues() {}

    /** Binds {@code value}, or NULL when it is NaN. */
    static void setDoubleOrNull(PreparedStatement statement, int index, double value) throws SQLException {
        if (Double.isNaN(value)) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }

    /** Binds {@code time}, or NULL when there is none. */
    static void setTimeOrNull(PreparedStatement statement, int index, Instant time) throws SQLException {
        if (time == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setTimestamp(index, Timestamp.from(time));
        }
    }

    /** The rows a batch wrote, from its update counts (unknown counts count as none). */
    static int rows(int[] counts) {
        int rows = 0;
        for (int count : counts) {
            rows += Math.max(count, 0);
        }
        return rows;
    }
}
