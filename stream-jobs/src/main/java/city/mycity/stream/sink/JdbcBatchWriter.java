package city.mycity.stream.sink;

import city.mycity.reading.ReadingMetrics;
import city.mycity.stream.ingest.ValidateFunction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
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
 * (which Flink calls before every checkpoint, so a completed checkpoint means the data is committed).
 *
 * <p>Transient SQL errors are retried with a growing pause on a fresh connection. A data error (SQLSTATE class 22,
 * 23 or 0A: a value the table cannot hold) comes from a row, and retrying never helps: the batch is split in halves
 * until the bad rows stand alone, the good ones are written, and each bad one is dropped, logged with its reason and
 * counted in {@code mycity.messages.failed{stage=stream}}. One bad row must not stop the pipeline (the message would
 * be redelivered after every restart). Any other error fails the task, and Flink replays from the last checkpoint.
 */
final class JdbcBatchWriter<T> implements SinkWriter<T> {

    private static final Logger LOGGER = LoggerFactory.getLogger(JdbcBatchWriter.class);

    private final JdbcConnector connector;
    private final BatchStatement<T> statement;
    private final int batchSize;
    private final int maxRetries;
    private final Duration retryBackoff;
    private final List<T> batch;
    private final Counter failed;
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
        this.failed =
                Metrics.globalRegistry.counter(ReadingMetrics.FAILED, ReadingMetrics.STAGE, ValidateFunction.STAGE);
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
        write(List.copyOf(batch));
        batch.clear();
    }

    /** Writes the rows; on a data error, writes each half on its own, down to single rows, which are dropped. */
    private void write(List<T> rows) throws IOException, InterruptedException {
        SQLException dataError = tryWrite(rows);
        if (dataError == null) {
            return;
        }
        if (rows.size() == 1) {
            failed.increment();
            LOGGER.warn(
                    "{} dropped a row that {} cannot store (SQLSTATE {}): {}",
                    statement.getClass().getSimpleName(),
                    connector,
                    SqlErrors.state(dataError),
                    SqlErrors.summary(dataError));
            return;
        }
        int half = rows.size() / 2;
        write(rows.subList(0, half));
        write(rows.subList(half, rows.size()));
    }

    /** Writes and commits the rows, retrying transient errors: {@code null} once done, or the data error. */
    private SQLException tryWrite(List<T> rows) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            int count;
            try {
                count = writeOnce(rows);
            } catch (SQLException e) {
                if (SqlErrors.isDataError(e)) {
                    return e;
                }
                closeConnection();
                if (!SqlErrors.isTransient(e) || attempt > maxRetries) {
                    throw new IOException(
                            "Could not write a batch of " + rows.size() + " to " + connector + " (attempt " + attempt
                                    + ", SQLSTATE " + SqlErrors.state(e) + "): " + SqlErrors.summary(e),
                            e);
                }
                LOGGER.warn(
                        "Transient error writing a batch of {} to {} (attempt {}, SQLSTATE {}), retrying: {}",
                        rows.size(),
                        connector,
                        attempt,
                        SqlErrors.state(e),
                        SqlErrors.summary(e));
                Thread.sleep(retryBackoff.toMillis() * attempt);
                continue;
            }
            statement.committed(rows, count);
            return null;
        }
    }

    private int writeOnce(List<T> rows) throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = connector.open();
            connection.setAutoCommit(false);
        }
        try {
            int count = statement.execute(connection, rows);
            connection.commit();
            return count;
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
