package city.mycity.launcher;

import city.mycity.chaos.AnalyticsChaosReport;
import city.mycity.chaos.AnalyticsChaosRun;
import city.mycity.chaos.ChaosListener;
import city.mycity.chaos.ChaosOptions;
import city.mycity.chaos.ChaosReport;
import city.mycity.chaos.ChaosRun;
import city.mycity.chaos.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mycity chaos}: the platform on real parts under load while they fail, and whether anything was lost. */
@Command(
        name = "chaos",
        mixinStandardHelpOptions = true,
        header = "Fails the platform's real parts one after another and checks that every reading is stored once.",
        description = {
            "Runs the platform on real parts, each in its own process (Mosquitto, PostgreSQL, a standalone Flink",
            "cluster with the job jar), sends the generated town's readings in gateway packs, and fails the parts one",
            "after another: restart the broker, restart PostgreSQL, kill -9 the TaskManager, stop the job with a",
            "savepoint and resume it. Prints each recovery time and whether the store holds exactly the valid",
            "readings sent (count and a checksum per device, from the simulator's ledger). With --edge, one",
            "gateway's sensors post over CoAP/DTLS to a standalone edge agent (outbox on disk) instead, and the",
            "faults are the edge's: kill -9 the agent, stop the broker for 60 s, cut the uplink for 2 minutes.",
            "With --analytics, the analytics jobs (water, bins, traffic, health) run beside the readings job while a",
            "small town's working week with one problem of each kind on Friday is sent, the platform faults striking",
            "from Tuesday noon to Friday noon (device time); it checks that every problem raised exactly one alert and",
            "nothing else did.",
            "Needs Mosquitto (apt-get install mosquitto) and the job jar (built by ./mycity on first run)."
        })
final class ChaosCommand implements Callable<Integer> {

    @Option(
            names = "--scenario",
            split = ",",
            paramLabel = "NAME",
            description = "Faults to inject, in order (default: all of the run's kind): broker-restart,"
                    + " database-restart, taskmanager-kill, savepoint-resume; with the edge: edge-kill,"
                    + " broker-stop, uplink-cut.")
    private List<String> scenarios;

    @Option(
            names = "--edge",
            description = "Sensors post through a standalone edge agent over CoAP/DTLS (default: gateway packs"
                    + " straight to the broker).")
    private boolean edge;

    @Option(
            names = "--analytics",
            description = "Run the analytics jobs too, on a small town's week of problems, and check their alerts.")
    private boolean analytics;

    @Option(
            names = "--rate",
            description = "Simulator messages per second, about 1.15 readings each (default: 6500; with --edge, 200;"
                    + " with --analytics, 100).")
    private Double rate;

    @Option(
            names = "--warm-up",
            defaultValue = "20s",
            description = "How long readings flow before the first fault (default: ${DEFAULT-VALUE}).")
    private String warmUp;

    @Option(
            names = "--folder",
            defaultValue = "target/chaos",
            description = "Where the parts keep their files and logs (default: ${DEFAULT-VALUE}).")
    private Path folder;

    @Override
    public Integer call() throws Exception {
        List<Scenario> chosen;
        try {
            chosen = scenarios == null
                    ? (edge ? Scenario.edgeScenarios() : Scenario.platform())
                    : scenarios.stream().map(ChaosCommand::scenario).toList();
            if (!edge && chosen.stream().anyMatch(Scenario::edge)) {
                throw new IllegalArgumentException("The edge scenarios need --edge.");
            }
            if (edge && analytics) {
                throw new IllegalArgumentException("Choose --edge or --analytics, not both.");
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Files.createDirectories(folder);
        Path run = Files.createTempDirectory(folder, "run-");
        ChaosOptions defaults = edge
                ? ChaosOptions.edgeDefaults(run)
                : analytics ? ChaosOptions.analyticsDefaults(run) : ChaosOptions.defaults(run);
        ChaosOptions options = defaults.withScenarios(chosen)
                .withMessageRate(rate == null ? defaults.messageRate() : rate)
                .withTimes(city.mycity.settings.Settings.parseDuration(warmUp), Duration.ofSeconds(10));
        if (analytics) {
            AnalyticsChaosReport report = new AnalyticsChaosRun(options, new Progress()).run();
            System.out.println();
            System.out.println(report.render());
            System.out.println("Files and logs: " + run.toAbsolutePath());
            return report.exact() ? 0 : 1;
        }
        ChaosReport report = new ChaosRun(options, new Progress()).run();
        System.out.println();
        System.out.println(report.render());
        System.out.println("Files and logs: " + run.toAbsolutePath());
        return report.exact() ? 0 : 1;
    }

    private static Scenario scenario(String name) {
        return Arrays.stream(Scenario.values())
                .filter(s -> s.code().equals(name.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown scenario '" + name + "'; choose from "
                        + Arrays.stream(Scenario.values()).map(Scenario::code).toList()));
    }

    /** Prints each step, and a progress bar while the store catches up at the end. */
    private static final class Progress implements ChaosListener {
        private ProgressBar bar;

        @Override
        public void started(String what) {
            System.out.println("Started " + what);
        }

        @Override
        public void faultInjected(Scenario scenario) {
            System.out.println("Fault: " + scenario.description() + " ...");
        }

        @Override
        public void recovered(ChaosReport.Recovery recovery) {
            System.out.printf(
                    "  recovered in %.1f s (the fault itself took %.1f s)%n",
                    recovery.recovery().toMillis() / 1000.0,
                    recovery.faultTook().toMillis() / 1000.0);
        }

        @Override
        public void catchingUp(long stored, long sent) {
            if (bar == null) {
                System.out.println("Sending stopped; waiting for the store to hold every reading sent:");
                bar = new ProgressBar(System.err, sent, "readings stored");
            }
            bar.update(stored);
            if (stored >= sent) {
                bar.done();
            }
        }
    }
}
