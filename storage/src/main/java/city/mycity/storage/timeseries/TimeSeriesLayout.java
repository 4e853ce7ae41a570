package city.mycity.storage.timeseries;

import city.mycity.storage.TimeSeriesProfile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lays the {@code reading} table out for time series: a TimescaleDB hypertable when the server has the extension,
 * otherwise native PostgreSQL with a BRIN index on {@code time}. Records the choice in {@code storage_profile}.
 */
public final class TimeSeriesLayout {

    private static final Logger LOGGER = LoggerFactory.getLogger(TimeSeriesLayout.class);

    private TimeSeriesLayout() {}

    /** Chooses and applies the layout inside the caller's transaction, and returns the choice. */
    public static TimeSeriesProfile apply(Connection c) throws SQLException {
        createProfileTable(c);
        if (timescaleAvailable(c)) {
            Savepoint beforeTimescale = c.setSavepoint("before_timescaledb");
            try {
                TimescaleLayout.apply(c);
                return record(c, TimeSeriesProfile.TIMESCALEDB, "TimescaleDB " + extensionVersion(c));
            } catch (SQLException e) {
                // Listed but unusable, typically not in shared_preload_libraries: keep going natively.
                c.rollback(beforeTimescale);
                LOGGER.warn(
                        "TimescaleDB is available but could not be used ({}); using native PostgreSQL", e.getMessage());
                NativeLayout.apply(c);
                return record(c, TimeSeriesProfile.NATIVE, "TimescaleDB unusable: " + firstLine(e.getMessage()));
            }
        }
        NativeLayout.apply(c);
        return record(c, TimeSeriesProfile.NATIVE, "timescaledb not in pg_available_extensions");
    }

    private static void createProfileTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE storage_profile (
                        id           boolean PRIMARY KEY DEFAULT true CHECK (id),
                        time_series  text        NOT NULL,
                        detail       text        NOT NULL,
                        chosen_at    timestamptz NOT NULL DEFAULT now()
                    )""");
        }
    }

    private static boolean timescaleAvailable(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'")) {
            return rs.next();
        }
    }

    private static String extensionVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'")) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    private static TimeSeriesProfile record(Connection c, TimeSeriesProfile profile, String detail)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO storage_profile (time_series, detail) VALUES (?, ?)")) {
            ps.setString(1, profile.code());
            ps.setString(2, detail);
            ps.executeUpdate();
        }
        LOGGER.info("Readings stored with time-series profile {} ({})", profile, detail);
        return profile;
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
