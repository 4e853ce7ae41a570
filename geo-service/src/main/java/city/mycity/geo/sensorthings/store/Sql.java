package city.mycity.geo.sensorthings.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL text in the making, its parameters, and fresh table aliases. Values only ever travel as parameters. A parameter is
 * marked in the text by its number, so that an expression may use a value twice (an interval's start and end compared
 * with one time): {@link #prepare} puts a {@code ?} at each mark and binds the values in the order the marks come.
 */
final class Sql {

    private static final char MARK = '\u0001';
    private static final char END = '\u0002';

    /** A query of the public API that runs longer is cancelled (PostgreSQL's query_canceled, 57014). */
    static final int QUERY_SECONDS = 10;

    private final List<Object> parameters = new ArrayList<>();
    private int aliases;

    /** A fresh alias for a table of a subquery. */
    String alias() {
        return "a" + (++aliases);
    }

    /** Adds a parameter and returns its mark. */
    String parameter(Object value) {
        parameters.add(value);
        return MARK + Integer.toString(parameters.size() - 1) + END;
    }

    /** The statement of the text, with its parameters bound. */
    PreparedStatement prepare(Connection c, String text) throws SQLException {
        StringBuilder sql = new StringBuilder(text.length());
        List<Object> values = new ArrayList<>();
        int at = 0;
        while (true) {
            int mark = text.indexOf(MARK, at);
            if (mark < 0) {
                sql.append(text, at, text.length());
                break;
            }
            int end = text.indexOf(END, mark);
            sql.append(text, at, mark).append('?');
            values.add(parameters.get(Integer.parseInt(text.substring(mark + 1, end))));
            at = end + 1;
        }
        PreparedStatement ps = c.prepareStatement(sql.toString());
        try {
            ps.setQueryTimeout(QUERY_SECONDS);
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value instanceof OffsetDateTime time) {
                    ps.setTimestamp(i + 1, Timestamp.from(time.toInstant()));
                } else if (value instanceof Duration duration) {
                    ps.setString(i + 1, duration.toString());
                } else {
                    ps.setObject(i + 1, value);
                }
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }
}
