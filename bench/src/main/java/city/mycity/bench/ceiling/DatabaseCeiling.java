package city.mycity.bench.ceiling;

import city.mycity.bench.BenchListener;
import city.mycity.reading.Reading;
import city.mycity.storage.DatabaseSettings;
import city.mycity.stream.sink.BinaryCopy;
import city.mycity.stream.sink.ReadingStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The database stage: how fast the same readings go into {@code reading} (its primary key and time index as migrated)
 * by binary {@code COPY} (the ceiling), by {@code COPY} into a staging table and {@code INSERT … SELECT … ON CONFLICT DO
 * NOTHING}, by an {@code unnest} insert, and by the sink's statement ({@link ReadingStatement}: {@code COPY}, falling
 * back to the {@code unnest} insert on a duplicate). Each method starts from an empty table; the last is measured
 * again on the full table, every row a duplicate.
 */
public final class DatabaseCeiling {

    private static final int COPY_ROWS_PER_TRANSACTION = 50_000;
    private static final String APPLICATION = "mycity-bench";
    private static final String STAGE_TABLE = "reading_stage";

    private final DatabaseSettings database;
    private final BenchListener listener;

    public DatabaseCeiling(DatabaseSettings database, BenchListener listener) {
        this.database = database;
        this.listener = listener;
    }

    public DatabaseFigures measure(List<Reading> rows, int batchSize) throws SQLException {
        try (Connection c = database.open(APPLICATION)) {
            c.setAutoCommit(false);
            listener.status("database: binary COPY of " + rows.size() + " readings");
            double copy = timed(c, rows.size(), () -> copy(c, rows));
            listener.status("database: COPY via a staging table, batches of " + batchSize);
            createStage(c);
            double staging = timed(c, rows.size(), () -> inBatches(rows, batchSize, batch -> staged(c, batch)));
            listener.status("database: unnest insert, batches of " + batchSize);
            double unnest = timed(
                    c,
                    rows.size(),
                    () -> inBatches(rows, batchSize, batch -> {
                        ReadingStatement.insertSkippingStored(
                                c,
                                batch.stream()
                                        .sorted(ReadingStatement.KEY_ORDER)
                                        .toList());
                        c.commit();
                    }));
            listener.status("database: the sink's statement (COPY, unnest on a duplicate), batches of " + batchSize);
            ReadingStatement statement = new ReadingStatement();
            BatchWork sinkBatch = batch -> {
                statement.execute(c, batch);
                c.commit();
            };
            double sink = timed(c, rows.size(), () -> inBatches(rows, batchSize, sinkBatch));
            listener.status("database: the sink's statement replaying stored batches, batches of " + batchSize);
            double replay = timedOnFullTable(c, rows.size(), () -> inBatches(rows, batchSize, sinkBatch));
            truncate(c);
            return new DatabaseFigures(rows.size(), batchSize, copy, staging, unnest, sink, replay);
        }
    }

    private interface Work {
        void run() throws SQLException;
    }

    private interface BatchWork {
        void write(List<Reading> batch) throws SQLException;
    }

    /** Rows per second of the work, on an emptied table. */
    private static double timed(Connection c, int rows, Work work) throws SQLException {
        truncate(c);
        long began = System.nanoTime();
        work.run();
        return rows / ((System.nanoTime() - began) / 1e9);
    }

    /** Rows per second of the work, on the table as it is. */
    private static double timedOnFullTable(Connection c, int rows, Work work) throws SQLException {
        long began = System.nanoTime();
        work.run();
        return rows / ((System.nanoTime() - began) / 1e9);
    }

    private static void truncate(Connection c) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute("TRUNCATE reading");
        }
        c.commit();
    }

    private static void inBatches(List<Reading> rows, int batchSize, BatchWork work) throws SQLException {
        for (int from = 0; from < rows.size(); from += batchSize) {
            work.write(rows.subList(from, Math.min(rows.size(), from + batchSize)));
        }
    }

    private static void copy(Connection c, List<Reading> rows) throws SQLException {
        for (int from = 0; from < rows.size(); from += COPY_ROWS_PER_TRANSACTION) {
            copyInto(c, "reading", rows.subList(from, Math.min(rows.size(), from + COPY_ROWS_PER_TRANSACTION)));
            c.commit();
        }
    }

    private static void createStage(Connection c) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE IF NOT EXISTS " + STAGE_TABLE + " (tenant_id text, device_id"
                    + " text, quantity text, time timestamptz, value float8, unit text, seq int8, received_at"
                    + " timestamptz) ON COMMIT DELETE ROWS");
        }
        c.commit();
    }

    /** One sink batch through the staging table: COPY, then an idempotent insert in key order, one transaction. */
    private static void staged(Connection c, List<Reading> batch) throws SQLException {
        copyInto(
                c,
                STAGE_TABLE,
                batch.stream().sorted(ReadingStatement.KEY_ORDER).toList());
        try (Statement statement = c.createStatement()) {
            statement.executeUpdate("INSERT INTO reading " + BinaryCopy.COLUMNS + " SELECT tenant_id, device_id,"
                    + " quantity, time, value, unit, seq, received_at FROM " + STAGE_TABLE
                    + " ON CONFLICT DO NOTHING");
        }
        c.commit();
    }

    private static void copyInto(Connection c, String table, List<Reading> rows) throws SQLException {
        BinaryCopy.copyInto(c, table, rows);
    }
}
