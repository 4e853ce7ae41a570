package city.mycity.bench;

import city.mycity.bench.ceiling.BrokerCeiling;
import city.mycity.bench.ceiling.BrokerFigures;
import city.mycity.bench.ceiling.DatabaseCeiling;
import city.mycity.bench.ceiling.DatabaseFigures;
import city.mycity.bench.ceiling.RecordedTraffic;
import city.mycity.bench.exception.BenchException;
import city.mycity.bench.pipeline.FormResult;
import city.mycity.bench.pipeline.JobSizing;
import city.mycity.bench.pipeline.LagMeter;
import city.mycity.bench.pipeline.PipelineContext;
import city.mycity.bench.pipeline.PipelineStage;
import city.mycity.bench.pipeline.Rates;
import city.mycity.bench.pipeline.RunResult;
import city.mycity.bench.report.BenchReport;
import city.mycity.bench.report.MachineFacts;
import city.mycity.bench.report.MarkdownReport;
import city.mycity.bench.services.BenchServices;
import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.generated.GeneratedTown;
import city.mycity.gateway.registry.CityRegistration;
import city.mycity.reading.Reading;
import city.mycity.settings.Settings;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bench: in one run, on the embedded services or on real ones named by the demo's settings, it measures the
 * database's ceiling, the broker's ceiling, and the pipeline at rising rates until its backlog grows, in each message
 * form; then the latency and CPU at 80 % of the best sustained rate, with the sinks chained and unchained.
 */
public final class Bench {

    private static final Logger LOGGER = LoggerFactory.getLogger(Bench.class);

    /** Rates the job is sized for: its MQTT connections must carry this many messages a second. */
    private static final Map<MessageForm, Double> PEAK_READINGS = Map.of(
            MessageForm.PACKS, 400_000.0,
            MessageForm.DEVICES, 50_000.0);

    /** The broker ceiling subscribes with as many connections as the job, up to this many. */
    private static final int MAX_CEILING_SUBSCRIBERS = 32;

    private final BenchOptions options;
    private final Settings settings;
    private final Map<MessageForm, JobSizing> sizings = new EnumMap<>(MessageForm.class);
    private final BenchListener listener;
    private final String clientPrefix =
            "bench-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF)) + "-";
    private int stage;

    private Bench(BenchOptions options, Settings settings, BenchListener listener) {
        this.options = options;
        this.settings = settings;
        this.listener = listener;
    }

    /**
     * Runs every stage and returns what they measured.
     *
     * @param command the command line to quote in the report
     * @throws BenchException when a service cannot be started or reached
     */
    public static BenchReport run(BenchOptions options, Settings settings, String command, BenchListener listener)
            throws InterruptedException {
        return new Bench(options, settings, listener).run(command);
    }

    private BenchReport run(String command) throws InterruptedException {
        Instant started = Instant.now();
        long began = System.nanoTime();
        String loadBefore = MachineFacts.loadAverage();
        stage("starting the broker and the database");
        try (BenchServices services = BenchServices.start(options.broker(), settings);
                LagMeter meter = new LagMeter()) {
            CityModel city = GeneratedTown.builder()
                    .seed(options.seed())
                    .tenant(clientPrefix + "town")
                    .name("Bench Town")
                    .build();
            CityRegistration.on(services.dataSource()).register(city);
            listener.result("Broker: " + services.broker().description());
            listener.result("Database: " + services.database().description());
            listener.result(String.format(
                    "Town: %d sensors behind %d gateways",
                    city.sensors().size(), city.gateways().size()));

            Ceilings ceilings = ceilings(services, city);

            PipelineContext context = new PipelineContext(
                    city,
                    services.broker(),
                    services.database(),
                    services.dataSource(),
                    options,
                    meter,
                    services.processes(),
                    clientPrefix,
                    listener);
            PipelineStage pipeline = new PipelineStage(context);
            List<FormResult> results = new ArrayList<>();
            for (MessageForm form : options.forms()) {
                results.add(pipeline(pipeline, form, sizings.get(form)));
            }
            return new BenchReport(
                    command,
                    describeSettings(),
                    started,
                    Duration.ofNanos(System.nanoTime() - began),
                    MachineFacts.here(),
                    services.broker().kind(),
                    services.broker().description(),
                    services.database().description(),
                    loadBefore,
                    MachineFacts.loadAverage(),
                    ceilings.database(),
                    ceilings.brokers(),
                    results);
        }
    }

    private record Ceilings(DatabaseFigures database, Map<MessageForm, BrokerFigures> brokers) {}

    /** Both ceilings, from the simulator's messages recorded once (and let go of before the pipeline runs). */
    private Ceilings ceilings(BenchServices services, CityModel city) throws InterruptedException {
        RecordedTraffic traffic = RecordedTraffic.record(city, options.seed(), options.databaseRows());
        DatabaseFigures database = databaseCeiling(services, traffic);
        return new Ceilings(database, brokerCeilings(services, city, traffic));
    }

    private DatabaseFigures databaseCeiling(BenchServices services, RecordedTraffic traffic) {
        stage("database ceiling: COPY, COPY via staging, unnest, the sink's statement");
        List<Reading> readings = traffic.readings(Instant.now());
        List<Reading> rows = readings.subList(0, Math.min(readings.size(), options.databaseRows()));
        int batchSize = JobSizing.of(settings, services.broker().kind(), 1).batchSize();
        try {
            DatabaseFigures figures =
                    new DatabaseCeiling(services.database().settings(), listener).measure(rows, batchSize);
            listener.result(String.format(
                    "Database: COPY %s rows/s; COPY via staging %s rows/s; unnest %s rows/s; the sink's COPY %s rows/s,"
                            + " replaying %s rows/s (batches of %d)",
                    Rates.format(figures.copy()),
                    Rates.format(figures.staging()),
                    Rates.format(figures.unnest()),
                    Rates.format(figures.sink()),
                    Rates.format(figures.replay()),
                    figures.batchSize()));
            return figures;
        } catch (SQLException e) {
            throw new BenchException("The database stage failed: " + e.getMessage(), e);
        }
    }

    /**
     * Sizes the job for each form (its connections depend on the readings per message) and measures the broker with
     * as many subscribers as the job has connections (up to {@value #MAX_CEILING_SUBSCRIBERS}).
     */
    private Map<MessageForm, BrokerFigures> brokerCeilings(
            BenchServices services, CityModel city, RecordedTraffic traffic) throws InterruptedException {
        stage("broker ceiling: publish → subscribe at QoS 1");
        Map<MessageForm, BrokerFigures> figures = new EnumMap<>(MessageForm.class);
        BrokerCeiling ceiling = new BrokerCeiling(services.broker(), clientPrefix + "ceiling-", listener);
        for (MessageForm form : options.forms()) {
            List<RecordedTraffic.Payload> payloads =
                    form == MessageForm.PACKS ? traffic.gatewayPacks(options.packReadings()) : traffic.deviceMessages();
            double readingsPerMessage = payloads.stream()
                    .mapToInt(RecordedTraffic.Payload::readings)
                    .average()
                    .orElse(1);
            JobSizing sizing =
                    JobSizing.of(settings, services.broker().kind(), PEAK_READINGS.get(form) / readingsPerMessage);
            sizings.put(form, sizing);
            int subscribers = Math.min(MAX_CEILING_SUBSCRIBERS, sizing.parallelism() * sizing.connections());
            BrokerFigures measured = ceiling.measure(form, city.tenant(), payloads, options.brokerHold(), subscribers);
            figures.put(form, measured);
            listener.result(String.format(
                    "Broker, %s: %s messages/s = %s readings/s",
                    form.label(),
                    Rates.format(measured.messagesPerSecond()),
                    Rates.format(measured.readingsPerSecond())));
        }
        return figures;
    }

    private FormResult pipeline(PipelineStage pipeline, MessageForm form, JobSizing sizing)
            throws InterruptedException {
        stage("pipeline, " + form.label() + ": rising rates, sinks chained");
        listener.result("Pipeline, " + form.label() + ": " + sizing.describe());
        RunResult chained = run(() -> pipeline.chained(form, sizing), false);
        Optional<RunResult> unchained = Optional.empty();
        if (options.unchained()) {
            stage("pipeline, " + form.label() + ": sinks unchained, at the same rates");
            if (chained.sustained().isPresent()) {
                double rate = chained.sustained().getAsDouble();
                unchained = Optional.of(run(() -> pipeline.unchained(form, sizing, rate), true));
            }
        }
        return new FormResult(form, sizing, chained, unchained);
    }

    private interface Run {
        RunResult run() throws InterruptedException;
    }

    /** Runs one job variant; a failure is reported in its result, so that the other stages still run. */
    private RunResult run(Run run, boolean unchained) throws InterruptedException {
        try {
            return run.run();
        } catch (RuntimeException e) {
            LOGGER.warn("A pipeline run failed", e);
            listener.result("The pipeline run failed: " + e.getMessage());
            return new RunResult(
                    unchained, List.of(), OptionalDouble.empty(), Optional.empty(), "failed: " + e.getMessage());
        }
    }

    private void stage(String name) {
        int total = 3 + options.forms().size() * (options.unchained() ? 2 : 1);
        listener.stage(++stage, total, name);
    }

    private String describeSettings() {
        String holds = String.format(
                Locale.ROOT,
                "each rate held %d s after %d s to settle%s, steps x%.2f",
                options.hold().toSeconds(),
                options.settle().toSeconds(),
                options.probeHold().isZero()
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                ", probes x%.0f held %d s first",
                                options.probeFactor(),
                                options.probeHold().toSeconds()),
                options.stepFactor());
        return (options.isQuick() ? "quick: " : "") + holds + ", gateway packs of up to " + options.packReadings()
                + " readings (" + options.packLinger().toMillis() + " ms linger)";
    }

    /** Runs a bench from code with the embedded defaults, for a quick look. */
    public static void main(String[] args) throws InterruptedException {
        BenchReport report =
                run(BenchOptions.quick().build(), Settings.fromEnvironment(), "Bench.main", new BenchListener() {
                    @Override
                    public void result(String line) {
                        System.err.println(line);
                    }
                });
        System.out.println(MarkdownReport.render(report));
    }
}
