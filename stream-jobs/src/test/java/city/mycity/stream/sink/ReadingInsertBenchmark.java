package city.mycity.stream.sink;

import city.mycity.reading.Reading;
import city.mycity.reading.SensorKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A quick, manual comparison of statement forms for the reading sink (not a test: run its main against a database
 * that has the schema). Arguments: JDBC URL, user.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) city.mycity.stream.sink.ReadingInsertBenchmark \
 *     jdbc:postgresql://127.0.0.1:5432/mycity_bench postgres
 * </pre>
 */
public final class ReadingInsertBenchmark {

    private static final int READINGS = 100_000;
    private static final String ROW_SQL =
            "INSERT INTO reading (tenant_id, device_id, quantity, time, value, unit, seq, received_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private interface Form {
        int write(Connection c, List<Reading> batch) throws SQLException;
    }

    public static void main(String[] args) throws Exception {
        List<Reading> readings = readings();
        for (int batchSize : new int[] {100, 1000, 5000}) {
            run("unnest arrays", args[0], args[1], batchSize, readings, new ReadingStatement()::execute);
            run("jdbc batch", args[0], args[1], batchSize, readings, ReadingInsertBenchmark::jdbcBatch);
            run(
                    "jdbc batch, reWriteBatchedInserts",
                    args[0] + "?reWriteBatchedInserts=true",
                    args[1],
                    batchSize,
                    readings,
                    ReadingInsertBenchmark::jdbcBatch);
            if (batchSize * 8 < 32_767) {
                run("multi-row VALUES", args[0], args[1], batchSize, readings, ReadingInsertBenchmark::multiRow);
            }
        }
    }

    private static void run(String name, String url, String user, int batchSize, List<Reading> readings, Form form)
            throws SQLException {
        JdbcConnector connector = new JdbcConnector(url, user, null);
        try (Connection c = connector.open()) {
            try (Statement s = c.createStatement()) {
                s.execute("TRUNCATE reading");
            }
            c.setAutoCommit(false);
            long start = System.nanoTime();
            int stored = 0;
            for (int i = 0; i < readings.size(); i += batchSize) {
                stored += form.write(c, readings.subList(i, Math.min(readings.size(), i + batchSize)));
                c.commit();
            }
            // the same readings again: all duplicates
            for (int i = 0; i < readings.size(); i += batchSize) {
                form.write(c, readings.subList(i, Math.min(readings.size(), i + batchSize)));
                c.commit();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "%-36s batch %5d: %8.0f readings/s (%d new + %d duplicate in %.2f s), reported %d%n",
                    name, batchSize, 2 * readings.size() / seconds, readings.size(), readings.size(), seconds, stored);
        }
    }

    private static int jdbcBatch(Connection c, List<Reading> batch) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(ROW_SQL)) {
            for (Reading r : batch) {
                p.setString(1, r.tenant());
                p.setString(2, r.device());
                p.setString(3, r.quantity());
                p.setTimestamp(4, Timestamp.from(r.time()));
                p.setDouble(5, r.value());
                p.setString(6, r.unit());
                p.setLong(7, r.sequence());
                p.setTimestamp(8, Timestamp.from(r.receivedAt()));
                p.addBatch();
            }
            int n = 0;
            for (int count : p.executeBatch()) {
                n += Math.max(count, 0);
            }
            return n;
        }
    }

    private static int multiRow(Connection c, List<Reading> batch) throws SQLException {
        StringBuilder sql = new StringBuilder(
                "INSERT INTO reading (tenant_id, device_id, quantity, time, value, unit, seq, received_at) VALUES ");
        for (int i = 0; i < batch.size(); i++) {
            sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?)");
        }
        sql.append(" ON CONFLICT DO NOTHING");
        try (PreparedStatement p = c.prepareStatement(sql.toString())) {
            int k = 1;
            for (Reading r : batch) {
                p.setString(k++, r.tenant());
                p.setString(k++, r.device());
                p.setString(k++, r.quantity());
                p.setTimestamp(k++, Timestamp.from(r.time()));
                p.setDouble(k++, r.value());
                p.setString(k++, r.unit());
                p.setLong(k++, r.sequence());
                p.setTimestamp(k++, Timestamp.from(r.receivedAt()));
            }
            return p.executeUpdate();
        }
    }

    private static List<Reading> readings() {
        List<Reading> readings = new ArrayList<>(READINGS);
        Instant t0 = Instant.parse("2025-06-01T00:00:00Z");
        for (int i = 0; i < READINGS; i++) {
            Instant time = t0.plusSeconds(i / 1000).plusMillis(i % 1000);
            readings.add(new Reading(
                    "bench", "g", "bin-" + (i % 2000), SensorKind.BIN, "fill", i % 100, "%", time, i, time));
        }
        return readings;
    }
}
