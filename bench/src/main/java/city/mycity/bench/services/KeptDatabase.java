package city.mycity.bench.services;

import city.mycity.bench.exception.BenchException;
import city.mycity.settings.Settings;
import city.mycity.storage.DatabaseSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database of a bench's own on the server {@code MYCITY_JDBC_URL} names, kept between runs (a load that takes long
 * is done once), made again from nothing when asked.
 */
public final class KeptDatabase {

    private KeptDatabase() {}

    /** The settings of database {@code name} on the server, created when missing, dropped first when {@code fresh}. */
    public static DatabaseSettings on(DatabaseSettings server, String name, boolean fresh) {
        try (Connection c = server.open("mycity-bench");
                Statement s = c.createStatement()) {
            if (fresh) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
            boolean exists;
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                s.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new BenchException(
                    "The bench needs a database of its own and could not make " + name + " on "
                            + Settings.redact(server.jdbcUrl()) + " ("
                            + e.getMessage().strip() + "). Grant CREATEDB"
                            + " to " + server.user() + ", or unset MYCITY_JDBC_URL to use the embedded PostgreSQL.",
                    e);
        }
        return DatabaseSettings.of(Urls.withDatabase(server.jdbcUrl(), name), server.user(), server.password());
    }
}
