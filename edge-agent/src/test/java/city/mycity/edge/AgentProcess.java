package city.mycity.edge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
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
 * The standalone agent jar in a JVM of its own, as a gateway runs it (the systemd unit's heap and collector: {@code
 * java -Xmx48m -XX:+UseSerialGC -jar … --config=FILE}), with the ports it printed when it started. For the ITs that
 * start, kill and restart it. Its output is copied to {@code target/agent-logs/agent-PID.log}.
 */
final class AgentProcess implements AutoCloseable {

    private static final Pattern COAP_PORT = Pattern.compile("Edge agent listening on coaps?://[^:]+:(\\d+)/up");
    private static final Pattern METRICS_PORT = Pattern.compile("Metrics at http://[^:]+:(\\d+)/metrics");

    private final Process process;
    private final int coapPort;
    private final int metricsPort;

    private AgentProcess(Process process, int coapPort, int metricsPort) {
        this.process = process;
        this.coapPort = coapPort;
        this.metricsPort = metricsPort;
    }

    /** Starts the jar with the settings file and these environment variables, and waits until it listens. */
    static AgentProcess start(Path config, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xms32m",
                        "-Xmx48m",
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-jar",
                        standaloneJar().toString(),
                        "--config=" + config))
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        Path log = Files.createDirectories(Path.of("target", "agent-logs")).resolve("agent-" + process.pid() + ".log");
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader out = new BufferedReader(
                                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                            Writer copy = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                        for (String line = out.readLine(); line != null; line = out.readLine()) {
                            lines.add(line);
                            copy.write(line);
                            copy.write('\n');
                            copy.flush();
                        }
                    } catch (IOException ignored) {
                        // The agent stopped.
                    }
                },
                "agent-output");
        reader.setDaemon(true);
        reader.start();
        int metricsPort = Integer.parseInt(awaitLine(lines, METRICS_PORT).group(1));
        int coapPort = Integer.parseInt(awaitLine(lines, COAP_PORT).group(1));
        return new AgentProcess(process, coapPort, metricsPort);
    }

    private static Path standaloneJar() throws IOException {
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            return jars.filter(p -> p.getFileName().toString().endsWith("-standalone.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no target/*-standalone.jar: run mvn package first"));
        }
    }

    private static Matcher awaitLine(BlockingQueue<String> lines, Pattern pattern) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    return matcher;
                }
            }
        }
        throw new AssertionError("The agent never printed a line matching " + pattern);
    }

    int coapPort() {
        return coapPort;
    }

    int metricsPort() {
        return metricsPort;
    }

    long pid() {
        return process.pid();
    }

    /** kill -9: no shutdown hook, nothing flushed that was not already. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    /** SIGTERM, and whether it stopped within 20 s. */
    boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
