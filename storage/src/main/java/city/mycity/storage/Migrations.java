package city.mycity.storage;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's schema migrations: SQL and Java migrations in {@value #LOCATION} (V1 the registry and readings, V2
 * the time-series profile, see {@link TimeSeriesProfile}).
 */
public final class Migrations {

    /** Where Flyway finds them; the testkit uses the same location. */
    public static final String LOCATION = "classpath:db/migration";

    private static final Logger LOGGER = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {}

    /** Brings the schema up to date (a no-op when it is) and returns Flyway's account. */
    public static MigrateResult apply(DataSource dataSource) {
        MigrateResult result = flyway(dataSource).migrate();
        LOGGER.info(
                "Database schema at version {} ({} migration(s) applied now)",
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                result.migrationsExecuted);
        return result;
    }

    /**
     * Checks, without changing anything, that the schema is up to date: a service that only reads and writes rows
     * runs on an account that cannot change the schema, so the migrations are a step of their own.
     *
     * @throws IllegalStateException saying which migrations are missing and what to run
     */
    public static void requireCurrent(DataSource dataSource) {
        MigrationInfo[] pending = flyway(dataSource).info().pending();
        if (pending.length > 0) {
            throw new IllegalStateException("The database schema is not up to date: " + pending.length
                    + " migration(s) pending, from V" + pending[0].getVersion() + " (" + pending[0].getDescription()
                    + "). Run ./mycity migrate with an account that may change the schema, then start again.");
        }
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .load();
    }
}
