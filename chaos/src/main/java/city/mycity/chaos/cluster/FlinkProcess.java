package city.mycity.chaos.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Flink JVM (JobManager or TaskManager) started with {@code java}, its standard output and error in
 * {@code <name>.out} and its log in {@code <name>.log}.
 */
final class FlinkProcess {

    private static final long STOP_SECONDS = 30;

    private final String name;
    private final Process process;
    private final Path log;
    private final Path out;

    private FlinkProcess(String name, Process process, Path log, Path out) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.out = out;
    }

    /**
     * Starts {@code mainClass} in a new JVM.
     *
     * @param jvmOptions options before the main class (memory, system properties)
     * @param arguments the main class's arguments
     */
    static FlinkProcess start(
            String name,
            String mainClass,
            List<Path> classpath,
            Path logDir,
            Path logbackConfig,
            List<String> jvmOptions,
            List<String> arguments) {
        Path log = logDir.resolve(name + ".log");
        Path out = logDir.resolve(name + ".out");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dlog.file=" + log.toAbsolutePath());
        command.add("-Dlogback.configurationFile=" + logbackConfig.toAbsolutePath());
        command.add("-classpath");
        command.add(String.join(
                java.io.File.pathSeparator,
                classpath.stream().map(p -> p.toAbsolutePath().toString()).toList()));
        command.add(mainClass);
        command.addAll(arguments);
        try {
            Files.createDirectories(logDir);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            return new FlinkProcess(name, process, log, out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + " (" + mainClass + ")", e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the process as an operator would (SIGTERM, Flink shuts down cleanly), forcibly after 30 s. */
    void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    /** Kills the process and its descendants at once (SIGKILL, {@code kill -9}): no shutdown hook runs. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of the process's log and output, to say why it did not start. */
    String tail(int lines) {
        return name + " (pid " + process.pid() + (process.isAlive() ? ", alive" : ", exited " + process.exitValue())
                + ")\n--- " + log + "\n" + lastLines(log, lines) + "\n--- " + out + "\n" + lastLines(out, lines);
    }

    private static String lastLines(Path file, int lines) {
        if (!Files.exists(file)) {
            return "(none)";
        }
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return name + "[pid " + process.pid() + "]";
    }
}
