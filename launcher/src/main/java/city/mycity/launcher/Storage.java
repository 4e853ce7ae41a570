package city.mycity.launcher;

import city.mycity.citymodel.CityModel;
import city.mycity.embedded.internal.Secrets;
import city.mycity.gateway.registry.CityRegistration;
import city.mycity.settings.Settings;
import city.mycity.storage.ContactRetention;
import city.mycity.storage.Database;
import city.mycity.storage.DatabaseRoles;
import city.mycity.storage.DatabaseSettings;
import city.mycity.storage.RefusalRetention;
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
    /** The embedded database's role of the operators' API. */
    static final String REGISTRY_ROLE = "mycity_registry";

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
                StorageMaintenance.start(
                        database.dataSource(),
                        TimeSeriesSettings.from(settings),
                        RefusalRetention.from(settings),
                        ContactRetention.from(settings)));
        return database.dataSource();
    }

    /**
     * A pool for the services that only read (the geo-service), its connections naming the city's council: on the
     * embedded database, a login role of its own that can read every table and change none, and sees that council's
     * rows only; on a configured database, the configured account (give the geo-service a read-only account of its own
     * in production: {@code ./mycity migrate --grant-read-to ROLE}).
     */
    static DataSource reader(
            DatabaseEndpoint endpoint, DataSource owner, String tenant, Shutdown shutdown, PrintStream out) {
        return serviceRole(endpoint, owner, DatabaseRoles.Kind.READER, READER_ROLE, tenant, shutdown, out);
    }

    /**
     * A pool for the operators' API: on the embedded database, a login role that writes the registry's tables only
     * and is kept to the council each transaction names; on a configured database, the configured account.
     */
    static DataSource registry(DatabaseEndpoint endpoint, DataSource owner, Shutdown shutdown, PrintStream out) {
        return serviceRole(endpoint, owner, DatabaseRoles.Kind.REGISTRY, REGISTRY_ROLE, null, shutdown, out);
    }

    private static DataSource serviceRole(
            DatabaseEndpoint endpoint,
            DataSource owner,
            DatabaseRoles.Kind kind,
            String role,
            String tenant,
            Shutdown shutdown,
            PrintStream out) {
        if (!endpoint.embedded()) {
            out.printf(
                    "The %s runs on the configured database account: row-level security is not in force for it"
                            + " (give it a role of its own: ./mycity migrate --grant-%s-to ROLE)%n",
                    kind == DatabaseRoles.Kind.READER ? "geo-service" : "operators' API",
                    kind == DatabaseRoles.Kind.READER ? "read" : "registry");
            return owner;
        }
        String password = Secrets.randomPassword();
        DatabaseRoles.create(owner, kind, role, password);
        DatabaseSettings settings = DatabaseSettings.of(endpoint.jdbcUrl(), role, password);
        DataSource pool = shutdown.add(
                role + " pool",
                tenant == null ? Database.pool(settings, role) : Database.poolForCouncil(settings, role, tenant));
        out.printf("Database role %s (%s)%n", role, kind == DatabaseRoles.Kind.READER ? "read-only" : "registry");
        return pool;
    }
}
