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
import java.util.Collection;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects elements into batches and writes each in one transaction: when the batch is full and in {@link #flush}
 * (which Flink calls before every checkpoint, so a completed checkpoint means the data is committed).
 *
 * <p>With a {@link KeepNewest}, the writer holds only the newest element of each key, and writes them in batches in key
 * order at the first checkpoint after its write interval has passed (or once it holds the most keys it may): an upsert
 * of a row that changes many times a second is written once per interval instead of once per element. What it holds
 * at a checkpoint goes into its writer state, so nothing is lost when the task fails before the next write.
 *
 * <p>Transient SQL errors are retried on a fresh connection with a growing pause, for at most the retry budget of the
 * {@link RetryPolicy}; then the task fails and Flink restarts it from the last checkpoint. Every connection has
 * connect and socket timeouts, so a dead server fails a statement instead of hanging the task.
 *
 * <p>A data error (SQLSTATE class 22, 23 or 0A) may come from a row: the batch is split in halves until the bad rows
 * stand alone, the good ones are written, and each bad one is dropped, logged with its reason and counted in {@code
 * mycity.messages.failed{stage=stream}}. One bad row must not stop the pipeline (its message would be redelivered after
 * every restart). But when every row of a batch fails with the same SQLSTATE, the fault is the database's (a CHECK a
 * migration added, a compressed chunk), not the rows': the task fails rather than drop them all. Any other error fails
 * the task, and Flink replays from the last checkpoint.
 */
final class JdbcBatchWriter<T> implements StatefulSinkWriter<T, List<T>> {

    private static final Logger LOGGER = LoggerFactory.getLogger(JdbcBatchWriter.class);

    private final JdbcConnector connector;
    private final BatchStatement<T> statement;
    private final int batchSize;
    private final RetryPolicy retry;
    private final List<T> batch;
    private final NewestPerKey<T> newest;
    private final int mostKeys;
    private final long writeEveryNanos;
    private final LongSupplier nanoClock;
    private long lastWrite;
    private final Counter failed;
    private Connection connection;

    /**
     * {@code keep} may be {@code null}: every element is written. Otherwise {@code held} are the elements of a restored
     * writer state, and {@code writeEvery} how long the newest are held at least (zero: written at every checkpoint).
     */
    JdbcBatchWriter(
            JdbcConnector connector,
            BatchStatement<T> statement,
            int batchSize,
            RetryPolicy retry,
            KeepNewest<T> keep,
            int mostKeys,
            Duration writeEvery,
            LongSupplier nanoClock,
            Collection<List<T>> held) {
        this.connector = connector;
        this.statement = statement;
        this.batchSize = batchSize;
        this.retry = retry;
        this.batch = new ArrayList<>(batchSize);
        this.newest = keep == null ? null : new NewestPerKey<>(keep);
        this.mostKeys = mostKeys;
        this.writeEveryNanos = writeEvery.toNanos();
        this.nanoClock = nanoClock;
        this.lastWrite = nanoClock.getAsLong();
        if (newest != null) {
            held.forEach(newest::addAll);
        }
        this.failed =
                Metrics.globalRegistry.counter(ReadingMetrics.FAILED, ReadingMetrics.STAGE, ValidateFunction.STAGE);
    }

    @Override
    public void write(T element, Context context) throws IOException, InterruptedException {
        if (newest != null) {
            newest.add(element);
            if (newest.size() >= mostKeys) {
                writeNewest();
            }
            return;
        }
        batch.add(element);
        if (batch.size() >= batchSize) {
            writeBatch();
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        if (newest == null) {
            writeBatch();
        } else if (endOfInput || nanoClock.getAsLong() - lastWrite >= writeEveryNanos) {
            writeNewest();
        }
    }

    @Override
    public List<List<T>> snapshotState(long checkpointId) {
        return newest == null || newest.size() == 0 ? List.of() : List.of(newest.rows());
    }

    private void writeNewest() throws IOException, InterruptedException {
        lastWrite = nanoClock.getAsLong();
        List<T> rows = newest.drain();
        for (int from = 0; from < rows.size(); from += batchSize) {
            writeRows(rows.subList(from, Math.min(rows.size(), from + batchSize)));
        }
    }

    private void writeBatch() throws IOException, InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        List<T> rows = List.copyOf(batch);
        batch.clear();
        writeRows(rows);
    }

    private void writeRows(List<T> rows) throws IOException, InterruptedException {
        RowFailures failures = new RowFailures();
        write(rows, failures);
        if (rows.size() > 1 && failures.everyRowFailedAlike(rows.size())) {
            throw new IOException("Every row of a batch of " + rows.size() + " failed in "
                    + statement.getClass().getSimpleName() + " with SQLSTATE " + failures.firstState()
                    + ": the database refuses them all (" + failures.firstSummary() + "), so the fault is not in the"
                    + " rows; failing the task instead of dropping them. Fix the schema or server; the rows are"
                    + " written when the job resumes.");
        }
        failures.log(statement, connector, failed);
    }

    /** Writes the rows; on a data error, writes each half on its own, down to single rows, which fail alone. */
    private void write(List<T> rows, RowFailures failures) throws IOException, InterruptedException {
        SQLException dataError = tryWrite(rows);
        if (dataError == null) {
            return;
        }
        if (rows.size() == 1) {
            failures.add(dataError);
            return;
        }
        int half = rows.size() / 2;
        write(rows.subList(0, half), failures);
        write(rows.subList(half, rows.size()), failures);
    }

    /** Writes and commits the rows, retrying transient errors: {@code null} once done, or the data error. */
    private SQLException tryWrite(List<T> rows) throws IOException, InterruptedException {
        RetryPolicy.Attempts attempts = retry.start();
        while (true) {
            int count;
            try {
                count = writeOnce(rows);
            } catch (SQLException e) {
                if (SqlErrors.isDataError(e)) {
                    return e;
                }
                closeConnection();
                long pauseMillis = SqlErrors.isTransient(e) ? attempts.nextPauseMillis() : -1;
                if (pauseMillis < 0) {
                    throw new IOException(
                            "Could not write a batch of " + rows.size() + " to " + connector + " (attempt "
                                    + attempts.count() + ", SQLSTATE " + SqlErrors.state(e) + "): "
                                    + SqlErrors.summary(e),
                            e);
                }
                LOGGER.warn(
                        "Transient error writing a batch of {} to {} (attempt {}, SQLSTATE {}), retrying in {} ms: {}",
                        rows.size(),
                        connector,
                        attempts.count(),
                        SqlErrors.state(e),
                        pauseMillis,
                        SqlErrors.summary(e));
                Thread.sleep(pauseMillis);
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
