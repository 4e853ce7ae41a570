package city.mycity.launcher;

import city.mycity.bench.exception.BenchException;
import city.mycity.bench.history.HistoryBench;
import city.mycity.bench.history.HistoryFigures;
import city.mycity.bench.history.HistoryShape;
import city.mycity.bench.report.MachineFacts;
import city.mycity.bench.services.KeptDatabase;
import city.mycity.embedded.EmbeddedDatabase;
import city.mycity.settings.Settings;
import city.mycity.storage.Database;
import city.mycity.storage.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mycity bench-history}: history queries on a store of 100 million readings, against issue 7's targets. */
@Command(
        name = "bench-history",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header =
                "Measures history queries on a store of 100 million readings (p99 of a sensor's week, a zone's month).",
        description = {
            "Fills a store with a city's history (100 million readings by default: 5,000",
            "fill sensors in 50 zones, every 5 minutes, in weekly partitions with their",
            "1-minute and 1-hour rollups), then times, one at a time at random sensors,",
            "zones and hours:",
            "  - a sensor's week at hourly resolution (target p99 at most 50 ms);",
            "  - a zone's month at hourly resolution (target p99 at most 200 ms);",
            "  - the same from raw readings, the ceiling the rollups beat;",
            "  - one maintenance run after an hour of readings stored late.",
            "On the server of MYCITY_JDBC_URL it keeps its database (mycity_bench_history)",
            "between runs, as the load of 100 million readings takes the better part of an",
            "hour; --fresh loads it again. Without MYCITY_JDBC_URL it loads an embedded",
            "PostgreSQL each run.",
            ""
        })
final class HistoryBenchCommand implements Callable<Integer> {

    private static final String DATABASE = "mycity_bench_history";

    @Option(names = "--readings", description = "Readings to store (default 100000000).")
    private long readings = 100_000_000L;

    @Option(names = "--queries", description = "Sensor-week queries timed (default 1000); zone-month: a third.")
    private int queries = 1_000;

    @Option(names = "--quick", description = "A smoke run: 500 sensors in 10 zones for 31 days (4.5 million).")
    private boolean quick;

    @Option(names = "--fresh", description = "Drop the kept database and load it again.")
    private boolean fresh;

    @Option(names = "--docs", paramLabel = "FILE", description = "Also write the report into FILE, in its section.")
    private Path docs;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (readings < 1 || queries < 10) {
            System.err.println("--readings must be positive and --queries at least 10. See --help.");
            return 2;
        }
        HistoryShape shape =
                quick ? new HistoryShape(500, 10, 31, Duration.ofMinutes(5)) : HistoryShape.ofReadings(readings);
        Settings settings = Settings.fromEnvironment();
        BenchOutput progress = new BenchOutput("history");
        EmbeddedDatabase embedded = null;
        HistoryFigures figures;
        String description;
        try {
            DatabaseSettings target;
            if (settings.isSet(DatabaseSettings.JDBC_URL)) {
                String name = quick ? DATABASE + "_quick" : DATABASE;
                target = KeptDatabase.on(DatabaseSettings.from(settings), name, fresh);
                description = "PostgreSQL at " + Settings.redact(settings.get(DatabaseSettings.JDBC_URL))
                        + " (MYCITY_JDBC_URL), database " + name;
            } else {
                embedded = EmbeddedDatabase.builder().start();
                target = DatabaseSettings.of(embedded.jdbcUrl(), embedded.user(), embedded.password());
                description = "embedded PostgreSQL (zonky, no fsync)";
            }
            try (Database database = Database.open(target)) {
                description += ", " + database.timeSeriesProfile().code() + " time series";
                figures = new HistoryBench(
                                database.dataSource(),
                                new HistoryBench.Options(shape, queries, Math.max(10, queries / 3), 20, 7L),
                                progress)
                        .run();
            }
        } catch (BenchException e) {
            progress.println("The history bench could not run: " + e.getMessage());
            return 1;
        } finally {
            progress.clear();
            if (embedded != null) {
                embedded.close();
            }
        }
        String markdown = figures.markdown(
                BenchOutput.commandLine(spec), MachineFacts.here().describe(), description);
        BenchOutput.publish(markdown, docs, "history", "## History queries: `./mycity bench-history`");
        return 0;
    }
}
