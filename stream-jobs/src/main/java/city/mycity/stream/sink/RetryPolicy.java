package city.mycity.stream.sink;

import java.io.Serializable;
import java.time.Duration;

/**
 * How long a sink retries a batch after transient errors: pauses that double from {@code firstPause} up to {@code
 * maxPause}, for at most {@code budget} in all. The budget bounds how long a writer holds its task (and so the
 * checkpoints) before it gives up and fails the task, leaving the rest to Flink's restart strategy.
 */
public record RetryPolicy(Duration firstPause, Duration maxPause, Duration budget) implements Serializable {

    /** 200 ms, doubling up to 5 s, for at most 30 s. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30));

    public RetryPolicy {
        if (firstPause == null || maxPause == null || budget == null) {
            throw new IllegalArgumentException("Retry pauses and budget must not be null.");
        }
        if (firstPause.isNegative() || maxPause.compareTo(firstPause) < 0 || budget.isNegative()) {
            throw new IllegalArgumentException("Retry pauses must be positive and increasing, the budget positive.");
        }
    }

    /** No retry at all: the first transient error fails the task. */
    public static RetryPolicy none() {
        return new RetryPolicy(Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    Attempts start() {
        return new Attempts(System.nanoTime());
    }

    /** The attempts at one batch. */
    final class Attempts {
        private final long startNanos;
        private int count = 1;
        private long pauseMillis = firstPause.toMillis();
        private long pausedMillis;

        private Attempts(long startNanos) {
            this.startNanos = startNanos;
        }

        int count() {
            return count;
        }

        /**
         * The pause before the next attempt, or -1 when the budget would be spent by then. The time spent is the time
         * since the first attempt, and at least the pauses taken so far.
         */
        long nextPauseMillis() {
            long pause = pauseMillis;
            long spentMillis = Math.max((System.nanoTime() - startNanos) / 1_000_000, pausedMillis);
            if (budget.isZero() || spentMillis + pause > budget.toMillis()) {
                return -1;
            }
            count++;
            pausedMillis += pause;
            pauseMillis = Math.min(maxPause.toMillis(), Math.max(1, pauseMillis * 2));
            return pause;
        }
    }
}
