package city.mycity.chaos;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** The simulator sending on a thread of its own while faults are injected; a failure surfaces at {@link #check}. */
final class SimulatorThread {

    private final Runnable step;
    private final boolean repeat;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;

    private SimulatorThread(Runnable step, boolean repeat) {
        this.step = step;
        this.repeat = repeat;
        this.thread = new Thread(this::send, "chaos-sender");
        thread.setDaemon(true);
    }

    /** Runs {@code step} (e.g. a second's worth of messages) again and again until {@link #stop}. */
    static SimulatorThread repeating(Runnable step) {
        return new SimulatorThread(step, true);
    }

    /** Runs {@code run} (e.g. a whole simulated week) once. */
    static SimulatorThread once(Runnable run) {
        return new SimulatorThread(run, false);
    }

    void start() {
        thread.start();
    }

    private void send() {
        try {
            do {
                step.run();
            } while (repeat && running.get());
        } catch (Throwable e) {
            failure.set(e);
        }
    }

    /** Throws when the sending thread failed. */
    void check() {
        Throwable e = failure.get();
        if (e != null) {
            throw new IllegalStateException("The simulator stopped sending: " + e, e);
        }
    }

    /** Whether it is still sending. */
    boolean isAlive() {
        return thread.isAlive();
    }

    /** Stops after the current step (a run once goes to its end), waits for it and throws if it failed. */
    void stop() throws InterruptedException {
        running.set(false);
        thread.join(Duration.ofMinutes(6).toMillis());
        check();
    }
}
