package city.mycity.bench.cpu;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU used over a window, each as a share of one core (1.0 = one core busy the whole time; this machine's ceiling is
 * its number of cores).
 *
 * @param seconds the window
 * @param jvm the bench's JVM in all
 * @param jvmParts the JVM's threads by part, plus {@link #JVM_REST} (GC, JIT, threads that ended)
 * @param processes other processes by name (with their children)
 */
public record CpuUsage(double seconds, double jvm, Map<String, Double> jvmParts, Map<String, Double> processes) {

    /** The JVM's CPU not seen in its live threads: garbage collection, the JIT compiler, threads that ended. */
    public static final String JVM_REST = "GC/JIT";

    public CpuUsage {
        jvmParts = Map.copyOf(jvmParts);
        processes = Map.copyOf(processes);
    }

    /** Everything measured: the JVM and the other processes. */
    public double total() {
        return jvm
                + processes.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** "JVM 152 % (job 80, simulator 40, broker 25, GC/JIT 7) · PostgreSQL 38 %", parts largest first. */
    public String describe() {
        String parts = jvmParts.entrySet().stream()
                .filter(e -> e.getValue() >= 0.005)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + percent(e.getValue()))
                .collect(Collectors.joining(", "));
        StringBuilder out = new StringBuilder("JVM " + percent(jvm) + " %");
        if (!parts.isEmpty()) {
            out.append(" (").append(parts).append(')');
        }
        processes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.append(" · ")
                .append(e.getKey())
                .append(' ')
                .append(percent(e.getValue()))
                .append(" %"));
        return out.toString();
    }

    private static long percent(double share) {
        return Math.round(share * 100);
    }
}
