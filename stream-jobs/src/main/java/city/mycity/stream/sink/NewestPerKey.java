package city.mycity.stream.sink;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Keeps the newest row per key of a batch, in key order. An upsert may not touch the same row twice in one statement
 * ("cannot affect row a second time"), and writing in key order makes parallel writers take their row locks in the
 * same order, so that two of them upserting overlapping keys wait for each other but never deadlock.
 */
final class NewestPerKey {

    /** Which of two rows with the same key that are equally new to keep. */
    enum Ties {
        /** The earlier in the batch: a repeat of the same reading changes nothing. */
        FIRST,
        /** The later in the batch: a later result computed for the same time replaces the earlier one. */
        LAST
    }

    private NewestPerKey() {}

    static <T> List<T> of(List<T> batch, Function<T, String> key, Comparator<T> newness, Ties ties) {
        Map<String, T> newest = new TreeMap<>();
        for (T row : batch) {
            newest.merge(key.apply(row), row, (kept, next) -> {
                int order = newness.compare(next, kept);
                return order > 0 || (order == 0 && ties == Ties.LAST) ? next : kept;
            });
        }
        return new ArrayList<>(newest.values());
    }
}
