package city.mycity.bench.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** CPU time of Linux processes from {@code /proc/<pid>/stat}, in clock ticks (100 a second on Linux). */
final class ProcStat {

    /** {@code sysconf(_SC_CLK_TCK)}, 100 on every Linux this runs on. */
    static final long TICKS_PER_SECOND = 100;

    private ProcStat() {}

    /** user + system time of the process itself, and of its children that ended (waited for), in ticks. */
    record Times(long own, long reapedChildren) {}

    /** Parses one {@code stat} line; the command name may hold spaces and parentheses, so fields count from the last ')'. */
    static Times parse(String line) {
        int close = line.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("Not a /proc/<pid>/stat line: " + line);
        }
        String[] fields = line.substring(close + 2).trim().split("\\s+");
        // After the name: state(3) ppid(4) ... utime(14) stime(15) cutime(16) cstime(17); fields[0] is field 3.
        long utime = Long.parseLong(fields[11]);
        long stime = Long.parseLong(fields[12]);
        long cutime = Long.parseLong(fields[13]);
        long cstime = Long.parseLong(fields[14]);
        return new Times(utime + stime, cutime + cstime);
    }

    static Optional<Times> read(long pid) {
        try {
            return Optional.of(parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * CPU time of a process and everything below it, in nanoseconds: its own, its live descendants', and that of
     * descendants that already ended (PostgreSQL backends whose connection closed). Empty when the process is gone.
     */
    static Optional<Long> treeNanos(long pid) {
        Optional<Times> root = read(pid);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        long ticks = root.get().own() + root.get().reapedChildren();
        ticks += ProcessHandle.of(pid)
                .map(handle -> handle.descendants()
                        .mapToLong(child -> read(child.pid()).map(Times::own).orElse(0L))
                        .sum())
                .orElse(0L);
        return Optional.of(ticks * (1_000_000_000L / TICKS_PER_SECOND));
    }
}
