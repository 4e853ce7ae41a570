package city.mycity.stream.sink;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * What kind of SQL error a sink met. Transient ones (a lost connection, a rolled-back transaction, a server short of
 * resources) are worth retrying; data errors (a value the column cannot hold, a violated constraint, an unsupported
 * value) come from a row, and retrying the same row never helps.
 */
final class SqlErrors {

    /** SQLSTATE classes: connection exception, transaction rollback, insufficient resources. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53");
    /** admin_shutdown, crash_shutdown, cannot_connect_now, lock_not_available. */
    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "55P03");
    /** SQLSTATE classes: data exception, integrity constraint violation, feature not supported. */
    private static final Set<String> DATA_CLASSES = Set.of("22", "23", "0A");

    private static final int SUMMARY_CHARS = 200;

    private SqlErrors() {}

    static boolean isTransient(SQLException e) {
        if (e instanceof SQLTransientException || e instanceof SQLRecoverableException) {
            return true;
        }
        String state = state(e);
        return state != null && (TRANSIENT_STATES.contains(state) || TRANSIENT_CLASSES.contains(classOf(state)));
    }

    /** Whether the error came from the data of some row: splitting the batch isolates that row. */
    static boolean isDataError(SQLException e) {
        String state = state(e);
        return state != null && !isTransient(e) && DATA_CLASSES.contains(classOf(state));
    }

    /** The SQLSTATE, from the error or (for a batch) from the entry that failed. */
    static String state(SQLException e) {
        if (e.getSQLState() != null || e.getNextException() == null) {
            return e.getSQLState();
        }
        return e.getNextException().getSQLState();
    }

    /**
     * The first line of the server's message, short: what to log. A failed JDBC batch names its statement with every
     * parameter (which may hold a payload), so the entry's own error is used instead.
     */
    static String summary(SQLException e) {
        SQLException cause = e.getNextException() != null ? e.getNextException() : e;
        String message = String.valueOf(cause.getMessage());
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > SUMMARY_CHARS ? line.substring(0, SUMMARY_CHARS) + "..." : line;
    }

    private static String classOf(String state) {
        return state.length() >= 2 ? state.substring(0, 2) : "";
    }
}
