package city.mycity.geo.http;

import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests per client (its remote address), as a token bucket: {@code perSecond} on average, up to {@code burst} at
 * once; one more is answered 429 with {@code Retry-After}. A client idle for ten minutes is forgotten. Behind a
 * reverse proxy every client has the proxy's address: let the proxy limit them, and set this one high.
 */
public final class RateLimits {

    private static final long FORGET_AFTER_NANOS = 600_000_000_000L;

    private final double perSecond;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweep = System.nanoTime();

    public RateLimits(double perSecond, int burst) {
        if (!(perSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("A rate limit needs a positive rate and a burst of at least 1.");
        }
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** Lets the request on, or answers 429. */
    public void handle(RoutingContext ctx) {
        long now = System.nanoTime();
        String client = ctx.request().remoteAddress() == null
                ? "unknown"
                : ctx.request().remoteAddress().hostAddress();
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, now));
        double wait = bucket.take(now, perSecond, burst);
        sweep(now);
        if (wait <= 0) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("Retry-After", Long.toString((long) Math.ceil(wait)));
        Problems.send(ctx, 429, "Too Many Requests", "Too many requests from this address; slow down.", null);
    }

    private void sweep(long now) {
        if (now - lastSweep < FORGET_AFTER_NANOS) {
            return;
        }
        lastSweep = now;
        buckets.values().removeIf(b -> b.idleSince(now) > FORGET_AFTER_NANOS);
    }

    /** One client's tokens. */
    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        /** Takes a token; gives 0, or the seconds until one is there. */
        synchronized double take(long now, double perSecond, double burst) {
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (1 - tokens) / perSecond;
        }

        synchronized long idleSince(long now) {
            return now - last;
        }
    }
}
