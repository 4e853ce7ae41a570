package city.mycity.launcher;

import city.mycity.settings.Settings;
import city.mycity.storage.Database;
import city.mycity.storage.DatabaseSettings;
import city.mycity.storage.RefusalRetention;
import city.mycity.storage.timeseries.StorageMaintenance;
import city.mycity.storage.timeseries.TimeSeriesSettings;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mycity maintain}: storage maintenance against the platform's database, once or as a service. */
@Command(
        name = "maintain",
        mixinStandardHelpOptions = true,
        header = "Keeps the store in shape: migrations, partitions ahead, rollups up to date, retention.",
        description = {
            "Brings the schema up to date, then runs storage maintenance once per",
            "mycity.storage.maintenance-interval (1m) until stopped, or once with --once:",
            "  - native PostgreSQL: creates the coming weeks' partitions of reading, rolls",
            "    the readings stored since the last run up into reading_1m and reading_1h",
            "    (late ones included), and drops what is older than the retention;",
            "  - TimescaleDB: sets its refresh and retention policies from the settings.",
            "Several may run against one database: one runs at a time. The demo runs it itself.",
            "Reads MYCITY_JDBC_URL, MYCITY_DB_USER, MYCITY_DB_PASSWORD and:",
            "  MYCITY_STORAGE_KEEP_READINGS (90d), MYCITY_STORAGE_KEEP_MINUTE_ROLLUPS (90d),",
            "  MYCITY_STORAGE_KEEP_HOUR_ROLLUPS (0: for ever), MYCITY_STORAGE_ROLLUP_SETTLE (2m),",
            "  MYCITY_STORAGE_KEEP_REPORT_CONTACTS (90d: problem reporters' contact details).",
            ""
        })
final class MaintainCommand implements Callable<Integer> {

    @Option(names = "--once", description = "Run once, print what it did and exit.")
    private boolean once;

    @Override
    public Integer call() throws Exception {
        Settings settings = Settings.fromEnvironment();
        if (!settings.isSet(DatabaseSettings.JDBC_URL)) {
            System.err.println("Set MYCITY_JDBC_URL (and MYCITY_DB_USER, MYCITY_DB_PASSWORD) to the platform's"
                    + " database. See --help.");
            return 2;
        }
        TimeSeriesSettings timeSeries = TimeSeriesSettings.from(settings);
        RefusalRetention refusals = RefusalRetention.from(settings);
        city.mycity.storage.ContactRetention contacts = city.mycity.storage.ContactRetention.from(settings);
        try (Database database = Database.open(DatabaseSettings.from(settings).withPoolSize(2))) {
            System.out.printf(
                    "Schema up to date; %s time series%n",
                    database.timeSeriesProfile().code());
            if (once) {
                System.out.println(StorageMaintenance.of(database.dataSource(), timeSeries, refusals, contacts)
                        .runOnce());
                return 0;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "mycity-maintain-stop"));
            try (StorageMaintenance maintenance =
                    StorageMaintenance.start(database.dataSource(), timeSeries, refusals, contacts)) {
                System.out.printf("Maintaining every %s; Ctrl-C stops%n", timeSeries.interval());
                stopped.await();
            }
            return 0;
        }
    }
}
