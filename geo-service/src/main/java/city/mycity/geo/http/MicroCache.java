package city.mycity.geo.http;

import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers of public reads kept for a moment ({@code maxAge}, a second by default) by their request, so that a burst of
 * the same request asks the store once: what a city's open API sees when an app's users all open the same page. Holds
 * at most {@code maxEntries} answers of at most {@code maxBytes} each; a write to what they show empties it.
 */
public final class MicroCache {

    private final long maxAgeNanos;
    private final int maxEntries;
    private final int maxBytes;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();

    /** A kept answer. */
    public record Entry(long at, String contentType, Buffer body) {}

    public MicroCache(Duration maxAge, int maxEntries, int maxBytes) {
        this.maxAgeNanos = maxAge.toNanos();
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /** The answer to the request, if one younger than the maximum age is kept. */
    public Entry get(String request) {
        Entry entry = entries.get(request);
        if (entry == null) {
            return null;
        }
        if (System.nanoTime() - entry.at() >= maxAgeNanos) {
            entries.remove(request, entry);
            return null;
        }
        return entry;
    }

    /** Where writes stand now: a read notes it when it starts, and its answer is kept only if none came since. */
    public long generation() {
        return writes.get();
    }

    /**
     * Keeps an answer read since {@code generation}, unless a write came meanwhile (the answer may show the world
     * before it) or it is too large; when full, forgets every answer first.
     */
    public void put(String request, String contentType, Buffer body, long generation) {
        if (body.length() > maxBytes || writes.get() != generation) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(request, new Entry(System.nanoTime(), contentType, body));
    }

    /** Forgets every answer: something they may show has changed. */
    public void clear() {
        writes.incrementAndGet();
        entries.clear();
    }
}
