package city.mycity.launcher;

import city.mycity.bench.BrokerChoice;
import city.mycity.bench.edge.EdgeBench;
import city.mycity.bench.edge.EdgeFigures;
import city.mycity.bench.exception.BenchException;
import city.mycity.bench.report.MachineFacts;
import city.mycity.bench.services.BenchServices;
import city.mycity.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mycity bench-edge}: the edge agent's accept rate over DTLS, its drain rate after an outage, RSS and CPU. */
@Command(
        name = "bench-edge",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Measures the standalone edge agent: readings/s over CoAP/DTLS, drain rate, RSS and CPU.",
        description = {
            "Measures the edge agent as a gateway runs it (the standalone jar in a JVM of",
            "its own, -Xmx48m, DTLS with a key per sensor, its outbox on disk):",
            "  - readings/s accepted over CoAP/DTLS from many sensors, each answered only",
            "    once fsync'd into the outbox, with the agent's RSS and CPU;",
            "  - the drain after an outage: the outbox filled with a million readings,",
            "    the agent started again, readings/s received at the broker, RSS and CPU.",
            "Builds on the embedded HiveMQ CE by default, or --broker mosquitto.",
            "Targets (issue 6): drain at least 20,000 readings/s; RSS at most 128 MiB.",
            ""
        })
final class EdgeBenchCommand implements Callable<Integer> {

    @Option(names = "--sensors", description = "DTLS sensors, each with its own session and key (default 500).")
    private int sensors = 500;

    @Option(names = "--senders", description = "Threads posting for the sensors (default 16).")
    private int senders = 16;

    @Option(names = "--seconds", description = "How long the sensors post (default 20).")
    private int seconds = 20;

    @Option(names = "--buffered", description = "Readings in the outbox when the drain starts (default 1000000).")
    private int buffered = 1_000_000;

    @Option(names = "--quick", description = "A smoke run: 50 sensors, 5 s, 50,000 readings buffered.")
    private boolean quick;

    @Option(
            names = "--broker",
            paramLabel = "embedded|mosquitto",
            description = "The broker to start: the embedded HiveMQ CE (default) or a Mosquitto of its own.")
    private String broker = "embedded";

    @Option(names = "--docs", paramLabel = "FILE", description = "Also write the report into FILE, in its section.")
    private Path docs;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (quick) {
            sensors = 50;
            seconds = 5;
            buffered = 50_000;
        }
        if (sensors < 1 || senders < 1 || seconds < 1 || buffered < 1) {
            System.err.println("--sensors, --senders, --seconds and --buffered must be positive. See --help.");
            return 2;
        }
        BrokerChoice choice;
        try {
            choice = BenchCommand.choice(broker);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        BenchOutput progress = new BenchOutput("edge");
        Path workDir = Files.createTempDirectory("mycity-edge-bench-");
        EdgeFigures figures;
        String brokerDescription;
        try (BenchServices services = BenchServices.start(choice, Settings.fromEnvironment())) {
            brokerDescription = services.broker().description();
            figures = new EdgeBench(
                            new EdgeBench.Options(sensors, senders, Duration.ofSeconds(seconds), buffered),
                            services.broker(),
                            workDir,
                            progress)
                    .run();
        } catch (BenchException e) {
            progress.println("The edge bench could not run: " + e.getMessage());
            return 1;
        } finally {
            progress.clear();
        }
        String markdown = figures.markdown(
                BenchOutput.commandLine(spec), MachineFacts.here().describe(), brokerDescription);
        BenchOutput.publish(markdown, docs, "edge", "## Edge agent: `./mycity bench-edge`");
        return 0;
    }
}
