package city.mycity.launcher;

import city.mycity.bench.api.ApiBench;
import city.mycity.bench.api.ApiFigures;
import city.mycity.bench.exception.BenchException;
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

/** {@code mycity bench-api}: the public API under wrk, next to a trivial Vert.x endpoint's ceiling. */
@Command(
        name = "bench-api",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Measures the public API under wrk on loopback, next to a trivial Vert.x endpoint's ceiling.",
        description = {
            "Registers the generated town, gives its car parks and bays an occupancy and",
            "one bay's Datastream readings, starts the geo-service, then runs wrk (Debian's",
            "package: apt-get install wrk) against, in turn:",
            "  - a trivial Vert.x endpoint in the same JVM (the ceiling);",
            "  - car-park availability (/api/v1/parking/carparks);",
            "  - nearest free parking (/api/v1/parking/nearest);",
            "  - a Datastream's newest Observations (SensorThings, /sta/v1.1).",
            "Each flat out (its maximum rate), then paced at half that rate. Targets: at",
            "least 50% of the ceiling's rate, and p99 at most 10 ms at half the maximum.",
            "On the server of MYCITY_JDBC_URL it uses a database of its own",
            "(mycity_bench_api, made afresh each run); otherwise an embedded PostgreSQL.",
            ""
        })
final class ApiBenchCommand implements Callable<Integer> {

    private static final String DATABASE = "mycity_bench_api";

    @Option(names = "--seconds", description = "Length of each measured run (default 20).")
    private int seconds = 20;

    @Option(names = "--connections", description = "wrk's connections (default 32).")
    private int connections = 32;

    @Option(names = "--readings", description = "Readings in the Datastream served (default 100000).")
    private int readings = 100_000;

    @Option(names = "--docs", paramLabel = "FILE", description = "Also write the report into FILE, in its section.")
    private Path docs;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (seconds < 5 || connections < 2 || readings < 10) {
            System.err.println("--seconds must be at least 5, --connections at least 2, --readings at least 10.");
            return 2;
        }
        Settings settings = Settings.fromEnvironment();
        BenchOutput progress = new BenchOutput("api");
        EmbeddedDatabase embedded = null;
        ApiFigures figures;
        String description;
        try {
            DatabaseSettings target;
            if (settings.isSet(DatabaseSettings.JDBC_URL)) {
                target = KeptDatabase.on(DatabaseSettings.from(settings), DATABASE, true);
                description = "PostgreSQL at " + Settings.redact(settings.get(DatabaseSettings.JDBC_URL))
                        + " (MYCITY_JDBC_URL), database " + DATABASE;
            } else {
                embedded = EmbeddedDatabase.builder().start();
                target = DatabaseSettings.of(embedded.jdbcUrl(), embedded.user(), embedded.password());
                description = "embedded PostgreSQL (zonky, no fsync)";
            }
            try (Database database = Database.open(target)) {
                figures = new ApiBench(
                                database.dataSource(),
                                new ApiBench.Options(Duration.ofSeconds(seconds), connections, readings),
                                progress)
                        .run();
            }
        } catch (BenchException e) {
            progress.println("The API bench could not run: " + e.getMessage());
            return 1;
        } finally {
            progress.clear();
            if (embedded != null) {
                embedded.close();
            }
        }
        String markdown = figures.markdown(
                BenchOutput.commandLine(spec), MachineFacts.here().describe(), description);
        BenchOutput.publish(markdown, docs, "api", "## Public API under wrk: `./mycity bench-api`");
        return figures.met() ? 0 : 3;
    }
}
