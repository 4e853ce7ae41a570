package city.mycity.testkit.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates and drops the per-test databases on a PostgreSQL server, through an account that may create databases. */
public final class ServerDatabases {

    private final String adminUrl;
    private final String user;
    private final String password;

    public ServerDatabases(String adminUrl, String user, String password) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    /** The server's version, e.g. {@code 15.20}. */
    public String version() {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1).split(" ")[0];
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot reach PostgreSQL at " + adminUrl + " as " + user + ": " + e.getMessage()
                            + " (check MYCITY_IT_JDBC_URL, MYCITY_IT_DB_USER, MYCITY_IT_DB_PASSWORD)",
                    e);
        }
    }

    public void create(String database) {
        execute("CREATE DATABASE " + database, "create database " + database + " (the account needs CREATEDB)");
    }

    /** Drops the database, disconnecting whoever is still connected to it. */
    public void drop(String database) {
        execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)", "drop database " + database);
    }

    /** Drops a role (once nothing of it is left: its database dropped first). */
    public void dropRole(String role) {
        execute("DROP ROLE IF EXISTS " + role, "drop role " + role + " (the account needs CREATEROLE)");
    }

    private void execute(String sql, String what) {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not " + what + " at " + adminUrl + ": " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(adminUrl, user, password);
    }
}
