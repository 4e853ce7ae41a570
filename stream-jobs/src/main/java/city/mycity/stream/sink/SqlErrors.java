package city.mycity.stream.sink;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/** Which SQL errors are worth retrying: a lost connection, a rolled-back transaction, a server short of resources. */
final class TransientSqlErrors {

    /** SQLSTATE classes: connection exception, transaction rollback, insufficient resources. */
    private static final Set<String> CLASSES = Set.of("08", "40", "53");
    /** admin_shutdown, crash_shutdown, cannot_connect_now, lock_not_available. */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "55P03");

    private TransientSqlErrors() {}

    static boolean isTransient(SQLException e) {
        if (e instanceof SQLTransientException || e instanceof SQLRecoverableException) {
            return true;
        }
        String state = e.getSQLState();
        if (state == null) {
            return false;
        }
        return STATES.contains(state) || (state.length() >= 2 && CLASSES.contains(state.substring(0, 2)));
    }
}
