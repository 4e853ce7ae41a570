package city.mycity.edge;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Pauses between attempts that grow exponentially with full jitter: the n-th pause is drawn at random from zero to
 * {@code min(max, first × 2^(n-1))}, so that many gateways cut off together do not come back together. Not
 * thread-safe.
 */
final class Backoff {

    private final long firstMillis;
    private final long maxMillis;
    private int attempts;

    Backoff(Duration first, Duration max) {
        Checks.positive("First backoff", first);
        Checks.state(max.compareTo(first) >= 0, "Backoff max must be at least its first pause, but was " + max + ".");
        this.firstMillis = first.toMillis();
        this.maxMillis = max.toMillis();
    }

    /** The pause before the next attempt. */
    long nextMillis() {
        long ceiling = attempts >= 30 ? maxMillis : Math.min(maxMillis, firstMillis << attempts);
        attempts++;
        return ThreadLocalRandom.current().nextLong(ceiling + 1);
    }

    /** An attempt succeeded: the next failure pauses briefly again. */
    void reset() {
        attempts = 0;
    }
}
