package city.mycity.stream.sink;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** Columns of a batch as SQL arrays, for {@code INSERT ... SELECT FROM unnest(...)}: one statement per batch. */
final class SqlArrays {

    private SqlArrays() {}

    static <T> Array text(Connection c, List<T> rows, Function<T, String> column) throws SQLException {
        return c.createArrayOf("text", rows.stream().map(column).toArray());
    }

    /** Instants as ISO-8601 text; the SQL casts them with {@code ::timestamptz[]}. */
    static <T> Array times(Connection c, List<T> rows, Function<T, Instant> column) throws SQLException {
        return c.createArrayOf(
                "text", rows.stream().map(column).map(Instant::toString).toArray());
    }

    static <T> Array doubles(Connection c, List<T> rows, Function<T, Double> column) throws SQLException {
        return c.createArrayOf("float8", rows.stream().map(column).toArray());
    }

    static <T> Array longs(Connection c, List<T> rows, Function<T, Long> column) throws SQLException {
        return c.createArrayOf("int8", rows.stream().map(column).toArray());
    }

    static <T> Array ints(Connection c, List<T> rows, Function<T, Integer> column) throws SQLException {
        return c.createArrayOf("int4", rows.stream().map(column).toArray());
    }
}
