package city.mycity.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.flink.runtime.util.EnvironmentInformation;

/**
 * The machine a bench ran on, read from {@code /proc} and the JVM: cores and their model, memory, operating system,
 * Java and Flink versions.
 */
public record MachineFacts(int cores, String cpuModel, double memoryGiB, String os, String java, String flink) {

    public static MachineFacts here() {
        return new MachineFacts(
                Runtime.getRuntime().availableProcessors(),
                firstValue(Path.of("/proc/cpuinfo"), "model name", ':').orElse("unknown CPU"),
                firstValue(Path.of("/proc/meminfo"), "MemTotal", ':')
                        .map(kb -> Long.parseLong(kb.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0)
                        .orElse(Double.NaN),
                firstValue(Path.of("/etc/os-release"), "PRETTY_NAME", '=')
                        .map(name -> name.replace("\"", ""))
                        .orElse(System.getProperty("os.name") + " " + System.getProperty("os.version")),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                "Flink " + EnvironmentInformation.getVersion());
    }

    /** The load average over the last minute, 5 and 15 minutes ({@code /proc/loadavg}), or "unknown". */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** "2 cores (AMD EPYC 7B13), 23.5 GiB, Debian GNU/Linux 12 (bookworm), OpenJDK 64-Bit Server VM 17.0.15+6, Flink 2.3.0". */
    public String describe() {
        return String.format(
                Locale.ROOT, "%d cores (%s), %.1f GiB, %s, %s, %s", cores, cpuModel, memoryGiB, os, java, flink);
    }

    /** The value of the first line of {@code file} that starts with {@code key}: what follows the separator. */
    private static Optional<String> firstValue(Path file, String key, char separator) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(key) && line.indexOf(separator) > 0)
                    .map(line -> line.substring(line.indexOf(separator) + 1).trim())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
