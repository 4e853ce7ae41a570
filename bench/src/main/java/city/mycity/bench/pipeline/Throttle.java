package city.mycity.bench.pipeline;

import java.util.concurrent.TimeUnit;

/**
 * Holds a sender to a rate of units (readings) per second that can change while it runs; a rate of zero pauses the
 * sender until a rate is set again. Allows a burst of 250 ms worth, so that a sender the scheduler woke late (on a
 * busy machine) makes up for it. Thread-safe.
 */
public final class Throttle implements AutoCloseable {

    private static final long BURST_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private double rate;
    private long next = System.nanoTime();
    private boolean closed;

    /** Sets the rate in units per second; zero pauses. */
    public synchronized void rate(double unitsPerSecond) {
        if (!(unitsPerSecond >= 0) || Double.isInfinite(unitsPerSecond)) {
            throw new IllegalArgumentException("Rate must be zero or a positive number, but was " + unitsPerSecond);
        }
        rate = unitsPerSecond;
        next = System.nanoTime();
        notifyAll();
    }

    public synchronized double rate() {
        return rate;
    }

    /**
     * Waits until {@code units} more are allowed.
     *
     * @throws IllegalStateException once closed, so that a sender blocked here stops
     */
    public void acquire(int units) throws InterruptedException {
        long wait;
        synchronized (this) {
            while (rate == 0 && !closed) {
                wait();
            }
            if (closed) {
                throw new IllegalStateException("The bench stopped sending.");
            }
            long now = System.nanoTime();
            next = Math.max(next, now - BURST_NANOS);
            wait = next - now;
            next += (long) (units * 1e9 / rate);
        }
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** Releases every waiting sender with an exception; later calls fail at once. */
    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
