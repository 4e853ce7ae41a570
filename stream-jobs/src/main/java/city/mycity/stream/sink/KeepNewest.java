package city.mycity.stream.sink;

import java.io.Serializable;

/**
 * Which elements of a sink write the same database row (an upsert's key), and which of two of them to keep: the newer.
 * A sink that keeps only the newest per key writes each row once per batch, or once per checkpoint (see {@link
 * JdbcBatchSink.Builder#keepNewest}).
 */
public interface KeepNewest<T> extends Serializable {

    /** The key of the row that the element writes. */
    String key(T element);

    /** Whether {@code next}, which came after {@code kept}, replaces it. */
    boolean replaces(T next, T kept);
}
