package city.mycity.chaos.cluster;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Waits for a condition across processes, where there is no event to wait on: checks it every {@code interval} until
 * it holds, a fail-fast check throws, or the timeout passes. A condition that throws counts as not yet true; the last
 * such error is kept for the timeout's message.
 */
final class Poll {

    private Poll() {}

    static void until(
            String what, Duration timeout, Duration interval, Runnable failFast, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastError = null;
        while (true) {
            failFast.run();
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted waiting for " + what, e);
            } catch (Exception e) {
                lastError = e;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        what + " did not happen within " + timeout
                                + (lastError == null ? "" : " (last error: " + lastError + ")"),
                        lastError);
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted waiting for " + what, e);
            }
        }
    }
}
