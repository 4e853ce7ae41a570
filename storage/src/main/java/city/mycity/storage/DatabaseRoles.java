package city.mycity.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The database accounts of the services that work for one council at a time, each with no more rights than it needs;
 * both are subject to row-level security (schema V13: they see and change the council their connection names only).
 *
 * <ul>
 *   <li>{@link Kind#READER}, for the services that only read the store (the geo-service): may read every table, those
 *       that later migrations and storage maintenance create included, but accounts, sessions, credentials and the
 *       audit log, and change none.
 *   <li>{@link Kind#REGISTRY}, for the operators' API: reads every table, inserts and updates devices, gateways,
 *       accounts and credentials, appends to the audit log, keeps sessions, plans the crews' rounds and records
 *       their reports, and nothing else (it deletes no row but a session, a report's contact, an oidc login and
 *       third parties' SensorThings entities).
 * </ul>
 *
 * <pre>{@code
 * DatabaseRoles.create(owner, Kind.READER, "mycity_reader", password);   // a new login role (needs CREATEROLE)
 * DatabaseRoles.grant(owner, Kind.READER, "mycity_reader");               // an existing role
 * }</pre>
 *
 * <p>{@code owner} must be a pool of the account that migrates the schema, which owns its tables: the default
 * privileges it grants cover the tables that account creates from then on (new weekly partitions, new migrations).
 */
public final class DatabaseRoles {

    /** What a role may do. */
    public enum Kind {
        READER,
        REGISTRY
    }

    /** The tables the operators' API writes, and how: nothing is deleted but sessions, the audit log only grows. */
    static final Map<String, String> REGISTRY_GRANTS = new java.util.LinkedHashMap<>(Map.of(
            "device", "INSERT, UPDATE",
            "gateway", "INSERT, UPDATE",
            "account", "INSERT, UPDATE",
            "account_session", "INSERT, UPDATE, DELETE",
            "audit_log", "INSERT",
            "credential", "INSERT, UPDATE",
            "oidc_login", "INSERT, DELETE"));

    static {
        // SensorThings: operators create, change and delete the entities of third parties' sensors.
        for (String table : List.of(
                "sta_thing",
                "sta_location",
                "sta_thing_location",
                "sta_historical_location",
                "sta_location_history",
                "sta_sensor",
                "sta_observed_property",
                "sta_datastream",
                "sta_feature_of_interest",
                "sta_observation")) {
            REGISTRY_GRANTS.put(table, "INSERT, UPDATE, DELETE");
        }
        // Open311: the public reports problems (anonymously, or leaving a contact), operators close them; a report
        // becomes an alert.
        REGISTRY_GRANTS.put("service_request", "INSERT, UPDATE");
        REGISTRY_GRANTS.put("service_request_contact", "INSERT, DELETE");
        REGISTRY_GRANTS.put("service_request_photo", "INSERT");
        REGISTRY_GRANTS.put("alert", "INSERT, UPDATE");
        // Refuse crews: their rounds are planned and re-planned, their reports kept; a bin emptied is recorded in
        // its status, so that it is no longer due.
        REGISTRY_GRANTS.put("crew_round", "INSERT, UPDATE, DELETE");
        REGISTRY_GRANTS.put("crew_stop", "INSERT, UPDATE");
        REGISTRY_GRANTS.put("crew_report", "INSERT");
        REGISTRY_GRANTS.put("bin_status", "UPDATE");
    }

    /** What the read-only role may not read. */
    static final List<String> PRIVATE_TABLES = List.of(
            "account",
            "account_session",
            "credential",
            "audit_log",
            "oidc_login",
            "service_request_contact",
            "crew_round",
            "crew_stop",
            "crew_report");

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private DatabaseRoles() {}

    /** Creates a login role with this password when none has its name, then {@link #grant}s it its rights. */
    public static void create(DataSource owner, Kind kind, String role, String password) {
        checkName(role);
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("Database role password must not be empty.");
        }
        try (Connection c = owner.getConnection()) {
            if (!exists(c, role)) {
                execute(c, format(c, "CREATE ROLE %I LOGIN PASSWORD %L", role, password));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database role " + role + ": " + e.getMessage(), e);
        }
        grant(owner, kind, role);
    }

    /** Gives an existing role the rights of its kind in the current schema, now and for the tables created later. */
    public static void grant(DataSource owner, Kind kind, String role) {
        checkName(role);
        try (Connection c = owner.getConnection()) {
            if (!exists(c, role)) {
                throw new IllegalArgumentException("No database role is named " + role + ": create it first (CREATE"
                        + " ROLE " + role + " LOGIN PASSWORD '...').");
            }
            c.setAutoCommit(false);
            execute(c, format(c, "GRANT USAGE ON SCHEMA public TO %I", role, null));
            execute(c, format(c, "GRANT SELECT ON ALL TABLES IN SCHEMA public TO %I", role, null));
            execute(c, format(c, "GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO %I", role, null));
            execute(c, format(c, "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO %I", role, null));
            if (kind == Kind.READER) {
                // The public side reads no secret: no password hashes, sessions, keys or who changed what.
                for (String table : PRIVATE_TABLES) {
                    // A table a later migration adds is kept from the role by that migration.
                    if (tableExists(c, table)) {
                        execute(c, format(c, "REVOKE SELECT ON " + table + " FROM %I", role, null));
                    }
                }
            } else {
                for (Map.Entry<String, String> grant : REGISTRY_GRANTS.entrySet()) {
                    if (tableExists(c, grant.getKey())) {
                        execute(
                                c,
                                format(
                                        c,
                                        "GRANT " + grant.getValue() + " ON " + grant.getKey() + " TO %I",
                                        role,
                                        null));
                    }
                }
                execute(c, format(c, "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO %I", role, null));
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not grant " + kind.name().toLowerCase(java.util.Locale.ROOT) + " rights to role " + role
                            + ": " + e.getMessage(),
                    e);
        }
    }

    private static void checkName(String role) {
        if (role == null || !NAME.matcher(role).matches()) {
            throw new IllegalArgumentException("Database role name must be lower-case letters, digits and underscores"
                    + " (at most 63, not starting with a digit), was " + role + ".");
        }
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static boolean exists(Connection c, String role) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            st.setString(1, role);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The statement with the identifier and the literal quoted by the server itself. */
    private static String format(Connection c, String template, String identifier, String literal) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT format(?, ?, ?)")) {
            st.setString(1, template);
            st.setString(2, identifier);
            st.setString(3, literal);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
