package city.mycity.geo.sensorthings.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** SQL text in the making, its parameters, and fresh table aliases. Values only ever travel as parameters. */
final class Sql {

    private final List<Object> parameters = new ArrayList<>();
    private int aliases;

    /** A fresh alias for a table of a subquery. */
    String alias() {
        return "a" + (++aliases);
    }

    /** Adds a parameter and returns its placeholder. */
    String parameter(Object value) {
        parameters.add(value);
        return "?";
    }

    void bind(PreparedStatement ps) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof OffsetDateTime time) {
                ps.setTimestamp(i + 1, Timestamp.from(time.toInstant()));
            } else if (value instanceof Duration duration) {
                ps.setString(i + 1, duration.toString());
            } else {
                ps.setObject(i + 1, value);
            }
        }
    }
}
