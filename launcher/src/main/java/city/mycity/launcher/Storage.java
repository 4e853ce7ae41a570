package city.mycity.launcher;

import city.mycity.citymodel.CityModel;
import city.mycity.embedded.internal.Secrets;
import city.mycity.gateway.registry.CityRegistration;
import city.mycity.settings.Settings;
import city.mycity.storage.Database;
import city.mycity.storage.DatabaseSettings;
import city.mycity.storage.ReaderRole;
import city.mycity.storage.timeseries.StorageMaintenance;
import city.mycity.storage.timeseries.TimeSeriesSettings;
import java.io.PrintStream;
import javax.sql.DataSource;

/**
 * Prepares the store for the demo: migrations, the city's registry (tenant, zones, car parks, devices), and storage
 * maintenance (partitions, rollups, retention) in the background.
 */
final class Storage {

    /** The embedded database's read-only login role. */
    static final String READER_ROLE = "mycity_reader";

    private Storage() {}

    static DataSource prepare(
            DatabaseEndpoint endpoint, CityModel city, Settings settings, Shutdown shutdown, PrintStream out) {
        Database database = shutdown.add(
                "database pool",
                Database.open(DatabaseSettings.of(endpoint.jdbcUrl(), endpoint.user(), endpoint.password())));
        out.printf("Schema migrated; readings stored with %s time series%n", database.timeSeriesProfile());
        var registered = CityRegistration.on(database.dataSource()).register(city);
        out.printf("Registry: %s%n", registered);
        shutdown.add(
                "storage maintenance",
                StorageMaintenance.start(database.dataSource(), TimeSeriesSettings.from(settings)));
        return database.dataSource();
    }

    /**
     * A pool for the services that only read (the geo-service): on the embedded database, a login role of its own
     * that can read every table and change none; on a configured database, the configured account (give the
     * geo-service a read-only account of its own in production: {@code ./mycity migrate --grant-read-to ROLE}).
     */
    static DataSource reader(DatabaseEndpoint endpoint, DataSource owner, Shutdown shutdown, PrintStream out) {
        if (!endpoint.embedded()) {
            return owner;
        }
        String password = Secrets.randomPassword();
        ReaderRole.create(owner, READER_ROLE, password);
        DataSource reader = shutdown.add(
                "reader pool",
                Database.pool(DatabaseSettings.of(endpoint.jdbcUrl(), READER_ROLE, password), "mycity-reader"));
        out.printf("Read services on database role %s (read-only)%n", READER_ROLE);
        return reader;
    }
}
