package city.mycity.edge.telemetry;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** The agent process's CPU share and resident memory, from the JVM and, on Linux, {@code /proc/self/status}. */
final class ProcessGauges {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessGauges() {}

    /** The process's recent CPU load as a percentage of the whole machine, or -1 when the JVM does not say. */
    static double cpuPercent() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            double load = os.getProcessCpuLoad();
            return load < 0 ? -1 : load * 100;
        }
        return -1;
    }

    /** Resident memory in bytes (Linux), or else the heap in use. */
    static long memoryBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    // "VmRSS:    123456 kB"
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: the heap in use below.
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
