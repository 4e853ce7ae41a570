package city.mycity.testkit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Installs optional PostgreSQL extensions in a test database, as far as the server and the account allow. */
public final class Extensions {

    private Extensions() {}

    /**
     * Creates the extension if the server has it and the account may; returns what happened in a few words, e.g.
     * {@code PostGIS 3.3.2}, {@code no PostGIS on this server}, {@code PostGIS not installed: permission denied}.
     */
    public static String tryInstall(DataSource dataSource, String extension, String label) {
        try (Connection c = dataSource.getConnection()) {
            if (!available(c, extension)) {
                return "no " + label + " on this server";
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS " + extension);
            }
            return label + " " + installedVersion(c, extension);
        } catch (SQLException e) {
            return label + " not installed: "
                    + e.getMessage().lines().findFirst().orElse("");
        }
    }

    private static boolean available(Connection c, String extension) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_available_extensions WHERE name = ?")) {
            ps.setString(1, extension);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String installedVersion(Connection c, String extension) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT extversion FROM pg_extension WHERE extname = ?")) {
            ps.setString(1, extension);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "?";
            }
        }
    }
}
