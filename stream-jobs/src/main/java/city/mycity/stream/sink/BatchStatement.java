package city.mycity.stream.sink;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * How one batch is written: the statement and its parameters. It runs inside a transaction that the writer commits,
 * and may run again for the same batch after a transient error, so it must be idempotent.
 */
public interface BatchStatement<T> extends Serializable {

    /** Writes the batch (never empty; do not modify it) and returns the number of rows inserted or changed. */
    int execute(Connection connection, List<T> batch) throws SQLException;

    /** Called once the batch is committed, with what {@link #execute} returned: the place to count. */
    default void committed(List<T> batch, int rows) {}
}
