package city.mycity.stream.sink;

import java.time.Duration;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A Sink V2 that writes batches to a database with a {@link BatchStatement}. Batches are written when full and before
 * every checkpoint: at-least-once, and exactly-once in effect with an idempotent statement.
 */
public final class JdbcBatchSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    private final JdbcConnector connector;
    private final BatchStatement<T> statement;
    private final int batchSize;
    private final int maxRetries;
    private final Duration retryBackoff;

    private JdbcBatchSink(Builder<T> builder) {
        this.connector = builder.connector;
        this.statement = builder.statement;
        this.batchSize = builder.batchSize;
        this.maxRetries = builder.maxRetries;
        this.retryBackoff = builder.retryBackoff;
    }

    public static <T> Builder<T> builder(JdbcConnector connector, BatchStatement<T> statement) {
        return new Builder<>(connector, statement);
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new JdbcBatchWriter<>(connector, statement, batchSize, maxRetries, retryBackoff);
    }

    /** Settings of a {@link JdbcBatchSink}. */
    public static final class Builder<T> {
        private final JdbcConnector connector;
        private final BatchStatement<T> statement;
        private int batchSize = 1000;
        private int maxRetries = 5;
        private Duration retryBackoff = Duration.ofMillis(200);

        private Builder(JdbcConnector connector, BatchStatement<T> statement) {
            this.connector = connector;
            this.statement = statement;
        }

        /** The most elements written in one statement. By default, 1000. */
        public Builder<T> batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** How often a batch is retried after a transient SQL error before the task fails. By default, 5. */
        public Builder<T> maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /** The pause before the first retry; the n-th retry waits n times as long. By default, 200 ms. */
        public Builder<T> retryBackoff(Duration retryBackoff) {
            this.retryBackoff = retryBackoff;
            return this;
        }

        public JdbcBatchSink<T> build() {
            if (connector == null || statement == null) {
                throw new IllegalStateException("JDBC connector and statement must not be null.");
            }
            if (batchSize < 1 || maxRetries < 0 || retryBackoff == null || retryBackoff.isNegative()) {
                throw new IllegalStateException("Batch size must be at least 1, retries and backoff not negative.");
            }
            return new JdbcBatchSink<>(this);
        }
    }
}
