package city.mycity.gateway.operations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;

/** The store's own time: the writers' {@code updated_at} are its, so the states and polls go by it too. */
final class StoreClock {

    private StoreClock() {}

    /** The start of the connection's transaction, as {@code now()} gives it to every statement in it. */
    static Instant now(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT now()")) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class).toInstant();
        }
    }
}
