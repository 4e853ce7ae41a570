package city.mycity.bench.cpu;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * CPU time of everything a bench stage runs on: this JVM in all (process CPU time), its threads grouped by what they
 * do (the simulator, an embedded broker, the Flink job), and other processes (PostgreSQL and its backends, a broker of
 * its own) by process id. Two {@link Snapshot}s give a {@link CpuUsage}.
 */
public final class CpuMeter {

    private final Function<String, String> threadPart;
    private final Map<String, Long> processes;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /**
     * @param threadPart names the part of the JVM a thread belongs to, from its name
     * @param processes other processes to measure, by the name to report (their children count with them)
     */
    public CpuMeter(Function<String, String> threadPart, Map<String, Long> processes) {
        this.threadPart = threadPart;
        this.processes = new LinkedHashMap<>(processes);
        if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
    }

    /** CPU times as they stand. */
    public record Snapshot(
            long wallNanos, long jvmNanos, Map<Long, ThreadTime> threads, Map<String, Long> processNanos) {}

    /** One thread's name and CPU time. */
    public record ThreadTime(String name, long nanos) {}

    public Snapshot snapshot() {
        Map<Long, ThreadTime> times = new HashMap<>();
        long[] ids = threads.getAllThreadIds();
        ThreadInfo[] infos = threads.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            long nanos = threads.getThreadCpuTime(ids[i]);
            if (infos[i] != null && nanos >= 0) {
                times.put(ids[i], new ThreadTime(infos[i].getThreadName(), nanos));
            }
        }
        Map<String, Long> others = new LinkedHashMap<>();
        processes.forEach((name, pid) -> ProcStat.treeNanos(pid).ifPresent(nanos -> others.put(name, nanos)));
        return new Snapshot(System.nanoTime(), os.getProcessCpuTime(), times, others);
    }

    /** What was used between two snapshots, as shares of one core. */
    public CpuUsage between(Snapshot before, Snapshot after) {
        double wall = after.wallNanos() - before.wallNanos();
        Map<String, Double> parts = new LinkedHashMap<>();
        long threadsTotal = 0;
        for (Map.Entry<Long, ThreadTime> entry : after.threads().entrySet()) {
            ThreadTime earlier = before.threads().get(entry.getKey());
            long used = entry.getValue().nanos() - (earlier == null ? 0 : earlier.nanos());
            threadsTotal += used;
            parts.merge(threadPart.apply(entry.getValue().name()), used / wall, Double::sum);
        }
        long jvm = after.jvmNanos() - before.jvmNanos();
        parts.put(CpuUsage.JVM_REST, Math.max(0, jvm - threadsTotal) / wall);
        Map<String, Double> others = new LinkedHashMap<>();
        after.processNanos().forEach((name, nanos) -> {
            Long earlier = before.processNanos().get(name);
            if (earlier != null) {
                others.put(name, (nanos - earlier) / wall);
            }
        });
        return new CpuUsage(wall / 1e9, jvm / wall, parts, others);
    }
}
