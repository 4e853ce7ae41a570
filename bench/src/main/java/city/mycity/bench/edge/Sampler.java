package city.mycity.bench.edge;

import city.mycity.bench.BenchListener;
import city.mycity.bench.exception.BenchException;
import city.mycity.edge.standalone.StandaloneAgent;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/** Samples the agent's resident memory four times a second, and its CPU over the phase, while it waits. */
final class Sampler {

    private static final long PERIOD_MILLIS = 250;

    private final StandaloneAgent agent;
    private final long cpuAtStart;
    private final long startedAt = System.nanoTime();
    private long maxRss;

    Sampler(StandaloneAgent agent) {
        this.agent = agent;
        this.cpuAtStart = agent.cpuNanos();
    }

    /** Samples for {@code hold}, telling the listener how many readings {@code count} holds. */
    void sampleFor(Duration hold, BenchListener listener, String what, AtomicLong count) throws InterruptedException {
        long end = System.nanoTime() + hold.toNanos();
        while (System.nanoTime() < end) {
            sample();
            listener.status(what + ": " + count.get() + " readings");
        }
    }

    /** Samples until {@code done}, or fails after {@code limit}. */
    void sampleUntil(BooleanSupplier done, Duration limit, BenchListener listener, AtomicLong count, long from)
            throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new BenchException("The agent drained only " + (count.get() - from) + " readings in "
                        + limit.toMinutes() + " minutes");
            }
            sample();
            listener.status("edge: draining, " + (count.get() - from) + " readings at the broker");
        }
    }

    private void sample() throws InterruptedException {
        maxRss = Math.max(maxRss, agent.residentBytes());
        Thread.sleep(PERIOD_MILLIS);
    }

    Usage usage() {
        maxRss = Math.max(maxRss, agent.residentBytes());
        double wall = System.nanoTime() - startedAt;
        return new Usage(maxRss, (agent.cpuNanos() - cpuAtStart) / wall * 100);
    }
}
