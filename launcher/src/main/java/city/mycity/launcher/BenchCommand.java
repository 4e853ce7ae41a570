package city.mycity.launcher;

import city.mycity.bench.Bench;
import city.mycity.bench.BenchListener;
import city.mycity.bench.BenchOptions;
import city.mycity.bench.BrokerChoice;
import city.mycity.bench.MessageForm;
import city.mycity.bench.exception.BenchException;
import city.mycity.bench.report.BenchReport;
import city.mycity.bench.report.BenchmarksDoc;
import city.mycity.bench.report.MarkdownReport;
import city.mycity.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mycity bench}: the database and broker ceilings and the pipeline's sustained rate, latency and CPU. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Measures the database, the broker and the whole pipeline, and prints the figures.",
        description = {
            "Measures, in one run:",
            "  - the database ceiling: binary COPY into the reading table; two idempotent",
            "    inserts (COPY via a staging table; unnest); the sink's statement (COPY,",
            "    unnest on a duplicate), on new rows and replaying stored ones;",
            "  - the broker ceiling: publish -> subscribe at QoS 1;",
            "  - the pipeline (simulator -> broker -> Flink job -> PostgreSQL) at rising",
            "    rates until its backlog grows, in both message forms; then p50/p99",
            "    latency and CPU at 80%% of the highest sustained rate, with the job's",
            "    sinks chained and unchained.",
            "Embedded broker and database by default; real ones through MYCITY_MQTT_URL",
            "and MYCITY_JDBC_URL (there the bench creates, and drops, its own database).",
            "The report goes to standard output (Markdown), progress to standard error.",
            "A full run takes 15-30 minutes; --quick a minute or two.",
            ""
        })
final class BenchCommand implements Callable<Integer> {

    @Option(
            names = "--quick",
            description = "A smoke run of a minute or two: few rows, holds of 6 s, at most 3 rate steps per form.")
    private boolean quick;

    @Option(
            names = "--form",
            paramLabel = "packs|devices|both",
            defaultValue = "both",
            description = "Message forms for the pipeline: gateway packs, one message per device, or both (default).")
    private String form;

    @Option(
            names = "--seconds",
            paramLabel = "N",
            description = "How long each rate is held with its backlog flat, and the latency run (default 30; quick"
                    + " 6); the broker ceiling publishes half as long per form (2-15 s).")
    private Integer seconds;

    @Option(
            names = "--broker",
            paramLabel = "embedded|mosquitto",
            defaultValue = "embedded",
            description = "The broker to start when MYCITY_MQTT_URL is not set: the embedded HiveMQ CE"
                    + " (default), or a Mosquitto of the bench's own (/usr/sbin/mosquitto) on a free loopback port.")
    private String broker;

    @Option(
            names = "--start-rate",
            paramLabel = "FORM=READINGS",
            description = "The first rate tried, readings/s, e.g. --start-rate packs=40000 (default packs=25000,"
                    + " devices=6000; quick 10000 and 3000).")
    private Map<String, Double> startRates = Map.of();

    @Option(
            names = "--max-steps",
            paramLabel = "N",
            description = "The most rate steps per form (default 24; quick 3).")
    private Integer maxSteps;

    @Option(
            names = "--rows",
            paramLabel = "N",
            description = "Rows each database method writes, in batches of mycity.stream.batch-size (default 400000;"
                    + " quick 30000).")
    private Integer rows;

    @Option(
            names = "--no-unchained",
            description = "Skip the second run of the job with its sinks unchained (by default it runs, at the chained"
                    + " job's best rate and at 80%% of it).")
    private boolean noUnchained;

    @Option(
            names = "--docs",
            paramLabel = "FILE",
            description = "Also write the report into FILE (e.g. docs/benchmarks.md), in the section of its broker,"
                    + " between that section's markers.")
    private Path docs;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BenchOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            System.err.println("See ./mycity bench --help.");
            return 2;
        }
        if (docs != null && !Files.isWritable(docs.toAbsolutePath().getParent())) {
            System.err.println("Cannot write " + docs.toAbsolutePath() + ": its folder is not writable.");
            return 2;
        }
        Progress progress = new Progress();
        BenchReport report;
        try {
            report = Bench.run(options, Settings.fromEnvironment(), commandLine(), progress);
        } catch (BenchException e) {
            progress.bar().println("The bench could not run: " + e.getMessage());
            return 1;
        } finally {
            progress.finish();
        }
        String markdown = MarkdownReport.render(report);
        System.out.println(markdown);
        if (docs != null) {
            try {
                BenchmarksDoc.write(docs, report, markdown);
                System.err.println("Wrote the report into " + docs);
            } catch (IOException e) {
                System.err.println("Could not write " + docs + ": " + e.getMessage());
                return 1;
            }
        }
        return 0;
    }

    private BenchOptions options() {
        BenchOptions.Builder builder = quick ? BenchOptions.quick() : BenchOptions.builder();
        builder.forms(forms(form));
        builder.broker(choice(broker));
        if (seconds != null) {
            builder.hold(Duration.ofSeconds(seconds));
            builder.brokerHold(Duration.ofSeconds(Math.max(2, Math.min(15, seconds / 2))));
        }
        startRates.forEach((name, rate) -> builder.startRate(form(name), rate));
        if (maxSteps != null) {
            builder.maxSteps(maxSteps);
        }
        if (rows != null) {
            builder.databaseRows(rows);
        }
        builder.unchained(!noUnchained);
        return builder.build();
    }

    static EnumSet<MessageForm> forms(String value) {
        if ("both".equalsIgnoreCase(value)) {
            return EnumSet.allOf(MessageForm.class);
        }
        return EnumSet.of(form(value));
    }

    static MessageForm form(String value) {
        for (MessageForm form : MessageForm.values()) {
            if (form.code().equalsIgnoreCase(value)) {
                return form;
            }
        }
        throw new IllegalArgumentException("Unknown message form '" + value
                + "': use packs, devices or both (--form), packs or devices" + " (--start-rate).");
    }

    static BrokerChoice choice(String value) {
        try {
            return BrokerChoice.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown broker '" + value + "': use embedded or mosquitto.", e);
        }
    }

    /** The command as typed, for the report: {@code ./mycity bench --quick}. */
    private String commandLine() {
        List<String> words = new ArrayList<>(List.of("./mycity"));
        CommandLine top = spec.commandLine();
        while (top.getParent() != null) {
            top = top.getParent();
        }
        words.addAll(top.getParseResult().originalArgs());
        return String.join(" ", words);
    }

    /** Stages on a progress bar on standard error, each finished measurement as a line above it. */
    private static final class Progress implements BenchListener {
        private ProgressBar bar = new ProgressBar(System.err, 1, "stages");
        private int stage;

        @Override
        public synchronized void stage(int number, int total, String name) {
            if (bar == null || stage == 0) {
                bar = new ProgressBar(System.err, total, "stages");
            }
            stage = number;
            bar.println("== " + name);
            bar.update(number - 1, name);
        }

        @Override
        public synchronized void status(String line) {
            bar.update(Math.max(0, stage - 1), line);
        }

        @Override
        public synchronized void result(String line) {
            bar.println("   " + line);
        }

        ProgressBar bar() {
            return bar;
        }

        synchronized void finish() {
            bar.clear();
        }
    }
}
