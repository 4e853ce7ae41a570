package city.mycity.stream.sink;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects elements into batches and writes each in one transaction: when the batch is full and in {@link #flush}
 * (which Flink calls before every checkpoint, so a completed checkpoint means the data is committed). Transient SQL
 * errors are retried with a growing pause on a fresh connection; any other error fails the task, and Flink replays
 * from the last checkpoint.
 */
final class JdbcBatchWriter<T> implements SinkWriter<T> {

    private static final Logger LOGGER = LoggerFactory.getLogger(JdbcBatchWriter.class);

    private final JdbcConnector connector;
    private final BatchStatement<T> statement;
    private final int batchSize;
    private final int maxRetries;
    private final Duration retryBackoff;
    private final List<T> batch;
    private Connection connection;

    JdbcBatchWriter(
            JdbcConnector connector,
            BatchStatement<T> statement,
            int batchSize,
            int maxRetries,
            Duration retryBackoff) {
        this.connector = connector;
        this.statement = statement;
        this.batchSize = batchSize;
        this.maxRetries = maxRetries;
        this.retryBackoff = retryBackoff;
        this.batch = new ArrayList<>(batchSize);
    }

    @Override
    public void write(T element, Context context) throws IOException, InterruptedException {
        batch.add(element);
        if (batch.size() >= batchSize) {
            writeBatch();
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        writeBatch();
    }

    private void writeBatch() throws IOException, InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                int rows = writeOnce();
                statement.committed(batch, rows);
                batch.clear();
                return;
            } catch (SQLException e) {
                closeConnection();
                if (!TransientSqlErrors.isTransient(e) || attempt > maxRetries) {
                    throw new IOException(
                            "Could not write a batch of " + batch.size() + " to " + connector + " (attempt " + attempt
                                    + ", SQLSTATE " + e.getSQLState() + ")",
                            e);
                }
                LOGGER.warn(
                        "Transient error writing a batch of {} to {} (attempt {}, SQLSTATE {}), retrying: {}",
                        batch.size(),
                        connector,
                        attempt,
                        e.getSQLState(),
                        e.getMessage());
                Thread.sleep(retryBackoff.toMillis() * attempt);
            }
        }
    }

    private int writeOnce() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = connector.open();
            connection.setAutoCommit(false);
        }
        try {
            int rows = statement.execute(connection, List.copyOf(batch));
            connection.commit();
            return rows;
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOGGER.debug("Closing the connection to {} failed", connector, e);
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        closeConnection();
    }
}
