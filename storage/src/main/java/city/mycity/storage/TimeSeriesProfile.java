package city.mycity.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * How the {@code reading} table is laid out for time series, chosen once by migration V2 and recorded in the
 * {@code storage_profile} table.
 */
public enum TimeSeriesProfile {
    /** A TimescaleDB hypertable in 1-day chunks, compressed by tenant and device after 7 days. */
    TIMESCALEDB,
    /** Plain PostgreSQL: the primary key plus a BRIN index on {@code time}. */
    NATIVE;

    /** The name stored in {@code storage_profile.time_series}, e.g. {@code native}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TimeSeriesProfile fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** The profile a migrated database uses. */
    public static TimeSeriesProfile of(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT time_series FROM storage_profile")) {
            if (!rs.next()) {
                throw new IllegalStateException("storage_profile is empty: was migration V2 applied?");
            }
            return fromCode(rs.getString(1));
        }
    }
}
