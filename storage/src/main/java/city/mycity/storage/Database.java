package city.mycity.storage;

import city.mycity.reading.Identifiers;
import city.mycity.settings.Settings;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's database, opened: a HikariCP pool on an up-to-date schema. {@link #close()} closes the pool.
 *
 * <pre>{@code
 * try (Database db = Database.open(DatabaseSettings.from(Settings.fromEnvironment()))) {
 *     DeviceDirectory devices = JdbcDeviceDirectory.load(db.dataSource(), "demo-town");
 * }
 * }</pre>
 */
public final class Database implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final TimeSeriesProfile profile;

    private Database(HikariDataSource dataSource, TimeSeriesProfile profile) {
        this.dataSource = dataSource;
        this.profile = profile;
    }

    /** Opens a pool on the database and applies the migrations. */
    public static Database open(DatabaseSettings settings) {
        HikariDataSource pool = pool(settings, "mycity-db");
        try {
            Migrations.apply(pool);
            TimeSeriesProfile profile = profileOf(pool);
            LOGGER.info(
                    "Database {} ready: pool of {}, time series {}",
                    Settings.redact(settings.jdbcUrl()),
                    settings.poolSize(),
                    profile);
            return new Database(pool, profile);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Opens a pool on a database whose schema is up to date, without changing it: for a service that only reads (or
     * writes rows), on an account that cannot change the schema.
     *
     * @throws IllegalStateException when migrations are pending (run {@code ./mycity migrate})
     */
    public static Database connect(DatabaseSettings settings) {
        // Flyway's look at the schema takes two connections, whatever the service's pool size.
        try (HikariDataSource check = pool(settings.withPoolSize(2), "mycity-schema-check")) {
            Migrations.requireCurrent(check);
        }
        HikariDataSource pool = pool(settings, "mycity-db");
        try {
            return new Database(pool, profileOf(pool));
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * As {@link #connect(DatabaseSettings)}, each connection naming the council it works for ({@code mycity.tenant}):
     * under a role subject to row-level security (schema V13), only that council's rows are seen.
     */
    public static Database connect(DatabaseSettings settings, String tenant) {
        try (HikariDataSource check = pool(settings.withPoolSize(2), "mycity-schema-check")) {
            Migrations.requireCurrent(check);
        }
        HikariDataSource pool = poolForCouncil(settings, "mycity-db", tenant);
        try {
            return new Database(pool, profileOf(pool));
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** A pool whose connections name the council they work for, see {@link #connect(DatabaseSettings, String)}. */
    public static HikariDataSource poolForCouncil(DatabaseSettings settings, String poolName, String tenant) {
        HikariConfig config = config(settings, poolName);
        config.setConnectionInitSql(
                "SELECT set_config('mycity.tenant', '" + Identifiers.check("tenant", tenant) + "', false)");
        return new HikariDataSource(config);
    }

    /** A HikariCP pool on the database, without migrating (for components that only read or write rows). */
    public static HikariDataSource pool(DatabaseSettings settings, String poolName) {
        return new HikariDataSource(config(settings, poolName));
    }

    private static HikariConfig config(DatabaseSettings settings, String poolName) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setDataSourceProperties(settings.connectionProperties(poolName));
        config.setConnectionTimeout(settings.connectTimeout().toMillis());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setPoolName(poolName);
        return config;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** How the reading table is laid out on this server. */
    public TimeSeriesProfile timeSeriesProfile() {
        return profile;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static TimeSeriesProfile profileOf(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return TimeSeriesProfile.of(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the storage profile: " + e.getMessage(), e);
        }
    }
}
