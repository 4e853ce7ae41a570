package city.mycity.simulator;

import city.mycity.simulator.fault.Message;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A background thread that wakes the devices when their simulated time comes, {@code speed} times faster than life. */
final class ContinuousRun implements Runnable {

    private static final Logger LOGGER = LoggerFactory.getLogger(ContinuousRun.class);

    private final Engine engine;
    private final Dispatcher dispatcher;
    private final double speed;
    private final Thread thread;
    private volatile boolean running = true;

    ContinuousRun(Engine engine, Dispatcher dispatcher, double speed, String tenant) {
        this.engine = engine;
        this.dispatcher = dispatcher;
        this.speed = speed;
        this.thread = new Thread(this, "mycity-simulator-" + tenant);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public void run() {
        long wallStart = System.nanoTime();
        long simStart = engine.now();
        try {
            while (running) {
                long due = wallStart + (long) ((engine.next() - simStart) / speed * 1_000_000);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(this, Math.min(wait, TimeUnit.MILLISECONDS.toNanos(200)));
                    continue;
                }
                Message message = engine.step();
                if (message != null) {
                    dispatcher.dispatch(message);
                }
            }
        } catch (RuntimeException e) {
            LOGGER.error("The simulator stopped on an unexpected error", e);
        }
    }

    void stop() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
