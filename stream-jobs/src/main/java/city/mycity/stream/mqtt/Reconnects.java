package city.mycity.stream.mqtt;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconnects one client, one attempt at a time, with a delay that doubles from {@code first} up to {@code longest}
 * after each failed attempt. Paho's own automatic reconnect can run two attempts at once after a broker restart and
 * send a second CONNECT on a connection (Mosquitto: "sending multiple CONNECT messages", then a protocol-error
 * disconnect); this loop never does. Thread-safe: Paho's threads report, the scheduler runs the attempts.
 */
final class Reconnects {

    /** Starts one connection attempt, which must end in {@link #succeeded()} or {@link #failed()}. */
    interface Attempt {
        void start();
    }

    /** Runs a task once after a delay, on a thread of its own. */
    interface Timer {
        void runAfter(Duration delay, Runnable task);

        /** A timer on a scheduler. */
        static Timer on(ScheduledExecutorService scheduler) {
            return (delay, task) -> scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private enum State {
        CONNECTED,
        WAITING,
        CONNECTING,
        CLOSED
    }

    private static final Logger LOGGER = LoggerFactory.getLogger(Reconnects.class);

    private final Timer timer;
    private final Attempt attempt;
    private final Duration first;
    private final Duration longest;
    private State state = State.CONNECTED;
    private Duration delay;
    private int attempts;

    Reconnects(Timer timer, Attempt attempt, Duration first, Duration longest) {
        this.timer = timer;
        this.attempt = attempt;
        this.first = first;
        this.longest = longest;
        this.delay = first;
    }

    /**
     * The connection was lost: the next attempt is scheduled, unless one is already waiting or running (that one
     * reports, and a connection it made and lost at once is caught by {@link #succeeded()}).
     */
    synchronized void lost() {
        if (state == State.CONNECTED) {
            schedule();
        }
    }

    /** The running attempt connected: the delay starts again from the first. */
    synchronized void succeeded() {
        if (state == State.CONNECTING) {
            state = State.CONNECTED;
            delay = first;
        }
    }

    /** The running attempt failed: the next one waits twice as long, up to the longest delay. */
    synchronized void failed() {
        if (state == State.CONNECTING) {
            schedule();
        }
    }

    /** No attempt starts after this. */
    synchronized void close() {
        state = State.CLOSED;
    }

    /** Attempts started so far. */
    synchronized int attempts() {
        return attempts;
    }

    private void schedule() {
        state = State.WAITING;
        Duration wait = delay;
        delay = delay.multipliedBy(2).compareTo(longest) > 0 ? longest : delay.multipliedBy(2);
        timer.runAfter(wait, this::start);
    }

    private void start() {
        synchronized (this) {
            if (state != State.WAITING) {
                return;
            }
            state = State.CONNECTING;
            attempts++;
        }
        try {
            attempt.start();
        } catch (RuntimeException e) {
            LOGGER.warn("A reconnect attempt failed to start; trying again", e);
            failed();
        }
    }
}
