package city.mycity.launcher;

import city.mycity.settings.Settings;
import city.mycity.storage.DatabaseRoles;
import city.mycity.storage.DatabaseSettings;
import city.mycity.storage.Migrations;
import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.Callable;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mycity migrate}: the schema brought up to date, as a step of its own. */
@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        header = "Brings the platform's database schema up to date, and nothing else.",
        description = {
            "Applies the pending migrations (V1 ... the newest) to the database of MYCITY_JDBC_URL, with",
            "MYCITY_DB_USER and MYCITY_DB_PASSWORD: an account that may change the schema. The services that",
            "read the store (the geo-service) refuse to start on a schema that is not up to date, so that they",
            "can run on an account that cannot change it. The demo migrates its own database first.",
            "With --grant-read-to ROLE, that existing role may then read every table (those created later",
            "included) and change none: the account to give the geo-service. With --grant-registry-to ROLE,",
            "that role may read every table and write the registry's: the operators' API's. Both are kept by",
            "row-level security to the council their connection names."
        })
final class MigrateCommand implements Callable<Integer> {

    @Option(
            names = "--grant-read-to",
            paramLabel = "ROLE",
            description = "an existing database role that may read the store and change nothing")
    private String reader;

    @Option(
            names = "--grant-registry-to",
            paramLabel = "ROLE",
            description = "an existing database role for the operators' API: reads, writes the registry only")
    private String registry;

    @Override
    public Integer call() {
        Settings settings = Settings.fromEnvironment();
        if (!settings.isSet(DatabaseSettings.JDBC_URL)) {
            System.err.println("Set MYCITY_JDBC_URL (and MYCITY_DB_USER, MYCITY_DB_PASSWORD) to the platform's"
                    + " database. See --help.");
            return 2;
        }
        // Flyway works with two connections (one holds its lock).
        try (HikariDataSource pool = city.mycity.storage.Database.pool(
                DatabaseSettings.from(settings).withPoolSize(2), "mycity-migrate")) {
            MigrateResult result = Migrations.apply(pool);
            System.out.printf(
                    "Schema at version %s (%d migration(s) applied now)%n",
                    result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                    result.migrationsExecuted);
            if (reader != null) {
                DatabaseRoles.grant(pool, DatabaseRoles.Kind.READER, reader);
                System.out.printf("Role %s may read every table and change none%n", reader);
            }
            if (registry != null) {
                DatabaseRoles.grant(pool, DatabaseRoles.Kind.REGISTRY, registry);
                System.out.printf("Role %s may read every table and write the registry's%n", registry);
            }
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            return 1;
        } catch (FlywayException | com.zaxxer.hikari.pool.HikariPool.PoolInitializationException e) {
            System.err.println("The schema could not be brought up to date: "
                    + e.getMessage().lines().findFirst().orElse(""));
            return 1;
        }
    }
}
