package city.mycity.launcher;

import city.mycity.citymodel.CityModel;
import city.mycity.gateway.registry.CityRegistration;
import city.mycity.settings.Settings;
import city.mycity.storage.Database;
import city.mycity.storage.DatabaseSettings;
import city.mycity.storage.timeseries.StorageMaintenance;
import city.mycity.storage.timeseries.TimeSeriesSettings;
import java.io.PrintStream;
import javax.sql.DataSource;

/**
 * Prepares the store for the demo: migrations, the city's registry (tenant, zones, car parks, devices), and storage
 * maintenance (partitions, rollups, retention) in the background.
 */
final class Storage {

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
}
