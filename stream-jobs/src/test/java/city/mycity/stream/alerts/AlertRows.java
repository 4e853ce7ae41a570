package city.mycity.stream.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** What integration tests read of the {@code alert} table. */
public final class AlertRows {

    private AlertRows() {}

    /** A tenant's alerts, each as "device problem id status", by device and problem. */
    public static List<String> of(DataSource db, String tenant) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement st = c.prepareStatement(
                        "SELECT subject, problem, id, status FROM alert WHERE tenant_id = ? ORDER BY subject, problem")) {
            st.setString(1, tenant);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
                }
            }
            return rows;
        }
    }

    /** The database's clock now. */
    public static Timestamp now(DataSource db) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement st = c.prepareStatement("SELECT now()");
                ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getTimestamp(1);
        }
    }

    /** How many of a tenant's alerts the stream wrote (again) since {@code since}. */
    public static long writtenSince(DataSource db, String tenant, Timestamp since) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement st =
                        c.prepareStatement("SELECT count(*) FROM alert WHERE tenant_id = ? AND updated_at > ?")) {
            st.setString(1, tenant);
            st.setTimestamp(2, since);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
