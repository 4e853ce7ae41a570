package city.mycity.stream.sink;

import java.io.Serializable;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * Which elements of a sink write the same database row (an upsert's key), and which of two of them to keep: the newer.
 * A sink that keeps only the newest per key writes each row once per batch, or once per interval (see {@link
 * JdbcBatchSink.Builder#keepNewest}).
 */
public interface KeepNewest<T> extends Serializable {

    /** The key of the row that the element writes. */
    String key(T element);

    /** Whether {@code next}, which came after {@code kept}, replaces it. */
    boolean replaces(T next, T kept);

    /** The elements' type, to keep those held at a checkpoint in the writer's state. */
    TypeInformation<T> type();
}
