package city.mycity.simulator;

import java.util.concurrent.locks.LockSupport;

/** Holds the sender to a rate of messages per wall second, allowing a burst of 50 ms worth. Not thread-safe. */
final class Pacer {

    private final long intervalNanos;
    private final long burstNanos;
    private long next = System.nanoTime();

    Pacer(double perSecond) {
        this.intervalNanos = Double.isInfinite(perSecond) ? 0 : (long) (1e9 / perSecond);
        this.burstNanos = 50_000_000L;
    }

    /** Waits until one more message is allowed. Returns early, with the interrupt flag set, when interrupted. */
    void acquire() {
        if (intervalNanos == 0) {
            return;
        }
        long now = System.nanoTime();
        next = Math.max(next, now - burstNanos);
        while (next - now > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(next - now);
            now = System.nanoTime();
        }
        next += intervalNanos;
    }
}
