package city.mycity.launcher;

import city.mycity.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mycity demo}: the whole platform in one JVM on a simulated city, until Ctrl-C. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        header = "Runs the whole platform in one JVM with a simulated city and the dashboard on localhost.",
        description = {
            "Runs the whole platform in one JVM: MQTT broker, PostgreSQL, Flink, geo-service, dashboard, edge agent",
            "and a simulated city. Embedded parts are replaced by real services through MYCITY_* settings."
        })
final class DemoCommand implements Callable<Integer> {

    @Option(
            names = "--osm",
            paramLabel = "FILE",
            description = "An OpenStreetMap extract (.osm, .osm.gz or .osm.pbf) to use instead of the generated town.")
    private Path osm;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Seed of the generated town and of the simulation (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(
            names = "--speed",
            defaultValue = "1",
            description = {
                "Simulated seconds per second (default: ${DEFAULT-VALUE}, real time).",
                "Above 1 the simulation replays the last day in time-lapse until it reaches the present."
            })
    private double speed;

    @Option(
            names = "--faults",
            defaultValue = "true",
            negatable = true,
            description =
                    "Inject realistic faults: stuck sensors, drops, duplicates, malformed payloads (default: on).")
    private boolean faults;

    @Override
    public Integer call() throws Exception {
        if (osm != null && !Files.isReadable(osm)) {
            System.err.println("Cannot read the OpenStreetMap extract " + osm.toAbsolutePath());
            return 2;
        }
        if (!(speed >= 1)) {
            System.err.println("--speed must be at least 1, but was " + speed);
            return 2;
        }
        DemoOptions options = new DemoOptions(osm, seed, speed, faults);
        CountDownLatch stopped = new CountDownLatch(1);
        Demo demo = Demo.start(options, Settings.fromEnvironment(), System.out);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("Stopping MyCity ...");
                            long began = System.nanoTime();
                            demo.close();
                            System.out.printf("Stopped in %.1f s.%n", (System.nanoTime() - began) / 1e9);
                            stopped.countDown();
                        },
                        "mycity-shutdown"));
        stopped.await();
        return 0;
    }
}
