package city.mycity.bench.edge;

import city.mycity.bench.exception.BenchException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The standalone edge agent in a JVM of its own, started with the systemd unit's JVM options ({@code -Xmx48m
 * -XX:+UseSerialGC}, C1 only, small code cache and metaspace), so that its memory and CPU are its own: resident memory from {@code /proc/PID/status}, CPU time
 * from {@code /proc/PID/stat}.
 */
final class AgentJvm implements AutoCloseable {

    private static final Pattern COAP_PORT = Pattern.compile("Edge agent listening on coaps?://[^:]+:(\\d+)/up");
    private static final long CLOCK_TICKS = 100;

    private final Process process;
    private final int coapPort;

    private AgentJvm(Process process, int coapPort) {
        this.process = process;
        this.coapPort = coapPort;
    }

    static AgentJvm start(Path jar, Path config, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xms32m",
                        "-Xmx48m",
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-XX:ReservedCodeCacheSize=16m",
                        "-XX:MaxMetaspaceSize=48m",
                        "-Xss256k",
                        "-jar",
                        jar.toString(),
                        "--config=" + config))
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> pump(process, lines), "edge-agent-output");
            reader.setDaemon(true);
            reader.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null) {
                    Matcher matcher = COAP_PORT.matcher(line);
                    if (matcher.find()) {
                        return new AgentJvm(process, Integer.parseInt(matcher.group(1)));
                    }
                } else if (!process.isAlive()) {
                    break;
                }
            }
            process.destroyForcibly();
            throw new BenchException("The edge agent did not start within 60 s: " + String.join(" | ", lines));
        } catch (IOException e) {
            throw new BenchException("Could not start the edge agent: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("Interrupted while the edge agent started", e);
        }
    }

    private static void pump(Process process, BlockingQueue<String> lines) {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (lines.size() < 1000) {
                    lines.add(line);
                }
            }
        } catch (IOException ignored) {
            // The agent stopped.
        }
    }

    /** The standalone jar built beside the launcher, {@code edge-agent/target/edge-agent-*-standalone.jar}. */
    static Path jar() {
        Path target = Path.of("edge-agent", "target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-standalone.jar"))
                    .findFirst()
                    .orElseThrow(() -> new BenchException("No edge-agent/target/*-standalone.jar: build with"
                            + " 'mvn -pl edge-agent -am package -DskipTests' (./mycity builds it)."));
        } catch (IOException e) {
            throw new BenchException("No " + target.toAbsolutePath() + ": run the bench from the repository", e);
        }
    }

    int coapPort() {
        return coapPort;
    }

    /** Resident memory now, in bytes ({@code VmRSS}). */
    long residentBytes() {
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

    /** CPU time used so far (user + system), in nanoseconds. */
    long cpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1_000_000_000L / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** SIGTERM, waiting for the shutdown (the outbox commits what it was given). */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }
}
