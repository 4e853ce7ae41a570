package city.mycity.gateway.registry;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An idempotent upsert statement: inserts a row, or updates it only when a value differs, so that writing the same
 * row again touches nothing (update count 0, no new row version).
 */
record UpsertSql(String table, List<String> keys, List<String> values) {

    /** The columns in parameter order: keys, then values. */
    List<String> columns() {
        return Stream.concat(keys.stream(), values.stream()).toList();
    }

    String sql() {
        List<String> columns = columns();
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")"
                + " ON CONFLICT (" + String.join(", ", keys) + ") DO UPDATE SET "
                + values.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "))
                + " WHERE (" + values.stream().map(c -> table + "." + c).collect(Collectors.joining(", ")) + ")"
                + " IS DISTINCT FROM ("
                + values.stream().map(c -> "EXCLUDED." + c).collect(Collectors.joining(", ")) + ")";
    }
}
