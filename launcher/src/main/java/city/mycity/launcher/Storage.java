package city.mycity.launcher;

import city.mycity.citymodel.CityModel;
import city.mycity.gateway.registry.CityRegistration;
import city.mycity.storage.Database;
import city.mycity.storage.DatabaseSettings;
import java.io.PrintStream;
import javax.sql.DataSource;

/** Prepares the store for the demo: migrations, then the city's registry (tenant, zones, car parks, devices). */
final class Storage {

    private Storage() {}

    static DataSource prepare(DatabaseEndpoint endpoint, CityModel city, Shutdown shutdown, PrintStream out) {
        Database database = shutdown.add(
                "database pool",
                Database.open(DatabaseSettings.of(endpoint.jdbcUrl(), endpoint.user(), endpoint.password())));
        out.printf("Schema migrated; readings stored with %s time series%n", database.timeSeriesProfile());
        var registered = CityRegistration.on(database.dataSource()).register(city);
        out.printf("Registry: %s%n", registered);
        return database.dataSource();
    }
}
