package city.mycity.stream.sink;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Keeps the newest row per key of a batch, in first-seen key order: an upsert may not touch the same row twice in one
 * statement ("cannot affect row a second time").
 */
final class NewestPerKey {

    /** Which of two rows with the same key and the same time to keep. */
    enum Ties {
        /** The earlier in the batch: a repeat of the same reading changes nothing. */
        FIRST,
        /** The later in the batch: a later result computed for the same time replaces the earlier one. */
        LAST
    }

    private NewestPerKey() {}

    static <T> List<T> of(List<T> batch, Function<T, String> key, Function<T, Instant> time, Ties ties) {
        Map<String, T> newest = new LinkedHashMap<>();
        for (T row : batch) {
            newest.merge(key.apply(row), row, (kept, next) -> {
                int order = time.apply(next).compareTo(time.apply(kept));
                return order > 0 || (order == 0 && ties == Ties.LAST) ? next : kept;
            });
        }
        return new ArrayList<>(newest.values());
    }
}
