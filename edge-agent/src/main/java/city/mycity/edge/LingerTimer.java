package city.mycity.edge;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The packer's only clock: runs a task once a pack's linger has run out. Tests drive a manual one; the agent uses
 * {@link #daemon()}.
 */
interface LingerTimer extends AutoCloseable {

    /** Runs {@code task} once after {@code delay}; the returned handle cancels it if it has not run yet. */
    Scheduled schedule(Duration delay, Runnable task);

    /** Stops the timer; tasks not yet run never run. */
    @Override
    void close();

    /** A scheduled task that can still be cancelled. */
    @FunctionalInterface
    interface Scheduled {
        void cancel();
    }

    /** One daemon thread; cancelled tasks leave its queue at once, so a long linger does not pile them up. */
    static LingerTimer daemon() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "mycity-edge-pack-linger");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return new LingerTimer() {
            @Override
            public Scheduled schedule(Duration delay, Runnable task) {
                ScheduledFuture<?> future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
                return () -> future.cancel(false);
            }

            @Override
            public void close() {
                executor.shutdownNow();
            }
        };
    }
}
