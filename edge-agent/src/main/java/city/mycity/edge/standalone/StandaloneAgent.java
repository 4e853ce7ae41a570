package city.mycity.edge.standalone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The standalone agent jar in a JVM of its own, as a gateway runs it: the systemd unit's JVM options ({@code -Xmx48m
 * -XX:+UseSerialGC}, C1 only, small code cache and metaspace, exit on out-of-memory), its settings file and
 * environment, and the ports it printed when it started. For the benchmark, the chaos runs and the tests that start,
 * kill and restart it; its resident memory and CPU time come from {@code /proc}. Its output is copied to a log file.
 */
public final class StandaloneAgent implements AutoCloseable {

    private static final Pattern COAP_PORT = Pattern.compile("Edge agent listening on coaps?://[^:]+:(\\d+)/up");
    private static final Pattern METRICS_PORT = Pattern.compile("Metrics at http://[^:]+:(\\d+)/metrics");
    private static final long CLOCK_TICKS = 100;
    private static final long START_TIMEOUT_SECONDS = 60;
    /** The system property that names the standalone jar. */
    public static final String JAR_PROPERTY = "mycity.edge.agent-jar";

    private final Process process;
    private final int coapPort;
    private final int metricsPort;

    private StandaloneAgent(Process process, int coapPort, int metricsPort) {
        this.process = process;
        this.coapPort = coapPort;
        this.metricsPort = metricsPort;
    }

    /**
     * Starts {@code jar} with {@code --config=FILE} and these environment variables, and waits until it listens.
     *
     * @param log where its output goes
     * @throws IllegalStateException when it does not start within a minute, with its last lines
     */
    public static StandaloneAgent start(Path jar, Path config, Map<String, String> environment, Path log) {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xms32m",
                        "-Xmx48m",
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-XX:ReservedCodeCacheSize=16m",
                        "-XX:MaxMetaspaceSize=48m",
                        "-Xss256k",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-jar",
                        jar.toString(),
                        "--config=" + config))
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = null;
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            process = builder.start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Process started = process;
            Thread reader = new Thread(() -> copy(started, lines, log), "edge-agent-output");
            reader.setDaemon(true);
            reader.start();
            Integer metrics = null;
            List<String> seen = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line == null) {
                    if (!process.isAlive()) {
                        break;
                    }
                    continue;
                }
                seen.add(line);
                Matcher metricsLine = METRICS_PORT.matcher(line);
                if (metricsLine.find()) {
                    metrics = Integer.parseInt(metricsLine.group(1));
                }
                Matcher coapLine = COAP_PORT.matcher(line);
                if (coapLine.find()) {
                    return new StandaloneAgent(
                            process, Integer.parseInt(coapLine.group(1)), metrics == null ? -1 : metrics);
                }
            }
            process.destroyForcibly();
            throw new IllegalStateException("The edge agent did not start within " + START_TIMEOUT_SECONDS + " s: "
                    + String.join(" | ", seen.subList(Math.max(0, seen.size() - 10), seen.size())));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the edge agent: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("Interrupted while the edge agent started", e);
        }
    }

    /** Starts the build's jar ({@link #jar()}), its output in {@code target/agent-logs/agent-N.log}. */
    public static StandaloneAgent start(Path config, Map<String, String> environment) {
        return start(
                jar(), config, environment, Path.of("target", "agent-logs", "agent-" + System.nanoTime() + ".log"));
    }

    private static void copy(Process process, BlockingQueue<String> lines, Path log) {
        Writer copy = null;
        try {
            copy = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // No log file: the output is still read, or the agent would block on a full pipe.
        }
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (lines.size() < 1000) {
                    lines.add(line);
                }
                copy = write(copy, line);
            }
        } catch (IOException ignored) {
            // The agent stopped.
        } finally {
            write(copy, null);
        }
    }

    /** Writes a line to the log (or closes it, for {@code null}); on failure drops the log, not the reading. */
    private static Writer write(Writer copy, String line) {
        if (copy == null) {
            return null;
        }
        try {
            if (line == null) {
                copy.close();
                return null;
            }
            copy.write(line);
            copy.write('\n');
            copy.flush();
            return copy;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The standalone jar the build makes, {@code edge-agent/target/edge-agent-*-standalone.jar}, looked for from the
     * repository's root, from a module beside edge-agent or from edge-agent itself; the system property {@value
     * #JAR_PROPERTY} names another.
     */
    public static Path jar() {
        String given = System.getProperty(JAR_PROPERTY);
        if (given != null) {
            return Path.of(given);
        }
        for (Path target :
                List.of(Path.of("edge-agent", "target"), Path.of("..", "edge-agent", "target"), Path.of("target"))) {
            if (Files.isDirectory(target)) {
                try (Stream<Path> files = Files.list(target)) {
                    var jar = files.filter(p -> p.getFileName().toString().endsWith("-standalone.jar"))
                            .findFirst();
                    if (jar.isPresent()) {
                        return jar.get();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("No edge-agent/target/*-standalone.jar: build it with"
                + " 'mvn -pl edge-agent -am package -DskipTests' (./mycity builds it).");
    }

    public int coapPort() {
        return coapPort;
    }

    /** The metrics and health port, or -1 when the agent serves none. */
    public int metricsPort() {
        return metricsPort;
    }

    public long pid() {
        return process.pid();
    }

    /** Resident memory now, in bytes ({@code VmRSS}), or -1 where {@code /proc} does not tell. */
    public long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** CPU time used so far (user + system), in nanoseconds, or -1. */
    public long cpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1_000_000_000L / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** kill -9: no shutdown hook, nothing flushed that was not already. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    /** SIGTERM, and whether it stopped within 30 s (else it is killed). */
    public boolean stop() throws InterruptedException {
        process.destroy();
        if (process.waitFor(30, TimeUnit.SECONDS)) {
            return true;
        }
        process.destroyForcibly();
        return false;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
