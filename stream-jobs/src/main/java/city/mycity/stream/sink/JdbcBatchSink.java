package city.mycity.stream.sink;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A Sink V2 that writes batches to a database with a {@link BatchStatement}. Batches are written when full and before
 * every checkpoint: at-least-once, and exactly-once in effect with an idempotent statement.
 */
public final class JdbcBatchSink<T> implements Sink<T> {

    private static final long serialVersionUID = 3L;

    private final JdbcConnector connector;
    private final BatchStatement<T> statement;
    private final int batchSize;
    private final RetryPolicy retry;
    private final KeepNewest<T> keep;
    private final int mostKeys;

    private JdbcBatchSink(Builder<T> builder) {
        this.connector = builder.connector;
        this.statement = builder.statement;
        this.batchSize = builder.batchSize;
        this.retry = builder.retry;
        this.keep = builder.keep;
        this.mostKeys = builder.mostKeys;
    }

    public static <T> Builder<T> builder(JdbcConnector connector, BatchStatement<T> statement) {
        return new Builder<>(connector, statement);
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new JdbcBatchWriter<>(connector, statement, batchSize, retry, keep, mostKeys);
    }

    /** Settings of a {@link JdbcBatchSink}. */
    public static final class Builder<T> {
        private final JdbcConnector connector;
        private final BatchStatement<T> statement;
        private int batchSize = 1000;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private KeepNewest<T> keep;
        private int mostKeys = 50_000;

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
         * Writes only the newest element of each key, once per checkpoint, or sooner once {@code mostKeys} keys are
         * held: for an upsert whose rows change faster than anyone reads them (the latest state of a sensor). The rows
         * lag by up to a checkpoint interval. By default, every element is written, in batches.
         */
        public Builder<T> keepNewest(KeepNewest<T> keep, int mostKeys) {
            this.keep = keep;
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
            if (keep != null && mostKeys < 1) {
                throw new IllegalStateException("The most keys held must be at least 1, was " + mostKeys + ".");
            }
            return new JdbcBatchSink<>(this);
        }
    }
}
