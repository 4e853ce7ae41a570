package city.mycity.stream.sink;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A Sink V2 that writes batches to a database with a {@link BatchStatement}. Batches are written when full and before
 * every checkpoint: at-least-once, and exactly-once in effect with an idempotent statement. A sink that keeps only the
 * newest element per key ({@link Builder#keepNewest}) holds them in its writer state between writes.
 */
public final class JdbcBatchSink<T> implements Sink<T>, SupportsWriterState<T, List<T>> {

    private static final long serialVersionUID = 3L;

    private final JdbcConnector connector;
    private final BatchStatement<T> statement;
    private final int batchSize;
    private final RetryPolicy retry;
    private final KeepNewest<T> keep;
    private final int mostKeys;
    private final Duration writeEvery;

    private JdbcBatchSink(Builder<T> builder) {
        this.connector = builder.connector;
        this.statement = builder.statement;
        this.batchSize = builder.batchSize;
        this.retry = builder.retry;
        this.keep = builder.keep;
        this.mostKeys = builder.mostKeys;
        this.writeEvery = builder.writeEvery;
    }

    public static <T> Builder<T> builder(JdbcConnector connector, BatchStatement<T> statement) {
        return new Builder<>(connector, statement);
    }

    @Override
    public StatefulSinkWriter<T, List<T>> createWriter(WriterInitContext context) {
        return restoreWriter(context, List.of());
    }

    @Override
    public StatefulSinkWriter<T, List<T>> restoreWriter(WriterInitContext context, Collection<List<T>> held) {
        return new JdbcBatchWriter<>(
                connector, statement, batchSize, retry, keep, mostKeys, writeEvery, System::nanoTime, held);
    }

    @Override
    public SimpleVersionedSerializer<List<T>> getWriterStateSerializer() {
        return new HeldRowsSerializer<>(keep == null ? null : keep.type());
    }

    /** Settings of a {@link JdbcBatchSink}. */
    public static final class Builder<T> {
        private final JdbcConnector connector;
        private final BatchStatement<T> statement;
        private int batchSize = 1000;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private KeepNewest<T> keep;
        private int mostKeys = 50_000;
        private Duration writeEvery = Duration.ZERO;

        private Builder(JdbcConnector connector, BatchStatement<T> statement) {
            this.connector = connector;
            this.statement = statement;
        }

        /** The most elements written in one statement. By default, 1000. */
        public Builder<T> batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * How transient SQL errors are retried before the task fails. By default, {@link RetryPolicy#DEFAULT}: pauses
         * from 200 ms doubling up to 5 s, for at most 30 s.
         */
        public Builder<T> retry(RetryPolicy retry) {
            this.retry = retry;
            return this;
        }

        /**
         * Writes only the newest element of each key: for an upsert whose rows change faster than anyone reads them
         * (the latest state of a sensor). By default, every element is written, in batches.
         */
        public Builder<T> keepNewest(KeepNewest<T> keep) {
            this.keep = keep;
            return this;
        }

        /**
         * With {@link #keepNewest}, how long the newest elements are held at least: they are written at the first
         * checkpoint after it has passed, and kept in the writer's state until then. The rows lag by up to this
         * interval plus a checkpoint interval. By default, zero: written at every checkpoint.
         */
        public Builder<T> writeEvery(Duration writeEvery) {
            this.writeEvery = writeEvery;
            return this;
        }

        /** With {@link #keepNewest}, the most keys held: reaching it writes them at once. By default, 50,000. */
        public Builder<T> mostKeys(int mostKeys) {
            this.mostKeys = mostKeys;
            return this;
        }

        public JdbcBatchSink<T> build() {
            if (connector == null || statement == null) {
                throw new IllegalStateException("JDBC connector and statement must not be null.");
            }
            if (batchSize < 1) {
                throw new IllegalStateException("Batch size must be at least 1, was " + batchSize + ".");
            }
            if (retry == null) {
                throw new IllegalStateException("Retry policy must not be null.");
            }
            if (writeEvery == null || writeEvery.isNegative()) {
                throw new IllegalStateException("Write interval must be zero or more, was " + writeEvery + ".");
            }
            if (mostKeys < 1) {
                throw new IllegalStateException("The most keys held must be at least 1, was " + mostKeys + ".");
            }
            return new JdbcBatchSink<>(this);
        }
    }
}
