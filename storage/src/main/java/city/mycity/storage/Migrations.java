package city.mycity.storage;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
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
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .load()
                .migrate();
        LOGGER.info(
                "Database schema at version {} ({} migration(s) applied now)",
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                result.migrationsExecuted);
        return result;
    }
}
