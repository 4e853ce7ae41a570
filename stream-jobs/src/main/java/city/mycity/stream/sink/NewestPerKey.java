package city.mycity.stream.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps the newest row per key, in key order. An upsert may not touch the same row twice in one statement ("cannot
 * affect row a second time"), and writing in key order makes parallel writers take their row locks in the same order,
 * so that two of them upserting overlapping keys wait for each other but never deadlock.
 */
final class NewestPerKey<T> {

    private final KeepNewest<T> keep;
    private final Map<String, T> newest = new TreeMap<>();

    NewestPerKey(KeepNewest<T> keep) {
        this.keep = keep;
    }

    /** The newest row of each key of the batch, in key order. */
    static <T> List<T> of(List<T> batch, KeepNewest<T> keep) {
        NewestPerKey<T> newest = new NewestPerKey<>(keep);
        batch.forEach(newest::add);
        return newest.drain();
    }

    void add(T row) {
        newest.merge(keep.key(row), row, (kept, next) -> keep.replaces(next, kept) ? next : kept);
    }

    void addAll(Iterable<T> rows) {
        rows.forEach(this::add);
    }

    /** The rows kept, in key order; they stay kept. */
    List<T> rows() {
        return new ArrayList<>(newest.values());
    }

    int size() {
        return newest.size();
    }

    /** The rows kept, in key order; this is empty afterwards. */
    List<T> drain() {
        List<T> rows = new ArrayList<>(newest.values());
        newest.clear();
        return rows;
    }
}
