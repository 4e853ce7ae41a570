package city.mycity.gateway.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Writes what people changed into {@code audit_log}, on the connection (and so in the transaction) of the change
 * itself: a change is never stored without its record, nor a record without its change.
 */
public final class AuditLog {

    private AuditLog() {}

    /**
     * Records one action.
     *
     * @param action what was done, e.g. {@code device.create}, {@code device.retire}, {@code login.failed}
     * @param target what it was done to, e.g. the device's id, or {@code null}
     * @param detailsJson a JSON object with what changed, or {@code null}
     */
    public static void record(
            Connection c, String tenant, String actor, String action, String target, String detailsJson)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO audit_log (tenant_id, actor, action, target, details) VALUES (?, ?, ?, ?, ?::jsonb)")) {
            st.setString(1, tenant);
            st.setString(2, actor);
            st.setString(3, action);
            st.setString(4, target);
            st.setString(5, detailsJson == null ? "{}" : detailsJson);
            st.executeUpdate();
        }
    }

    /** Records one action on many targets in one statement, each with its details (a JSON object). */
    public static void recordAll(
            Connection c,
            String tenant,
            String actor,
            String action,
            java.util.List<String> targets,
            java.util.List<String> details)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO audit_log (tenant_id, actor, action, target,"
                + " details) SELECT ?, ?, ?, t, d::jsonb FROM unnest(?::text[], ?::text[]) AS x(t, d)")) {
            st.setString(1, tenant);
            st.setString(2, actor);
            st.setString(3, action);
            st.setArray(4, c.createArrayOf("text", targets.toArray(new String[0])));
            st.setArray(5, c.createArrayOf("text", details.toArray(new String[0])));
            st.executeUpdate();
        }
    }
}
