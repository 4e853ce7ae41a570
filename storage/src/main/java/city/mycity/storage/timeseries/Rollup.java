package city.mycity.storage.timeseries;

import java.time.Duration;

/**
 * A rollup of {@code reading}: per device, quantity and bucket, the number of readings and their sum, minimum and
 * maximum (the mean is sum / readings). The same relation name and columns on both profiles: a table natively, a
 * continuous aggregate on TimescaleDB.
 */
public enum Rollup {
    MINUTE("reading_1m", Duration.ofMinutes(1), "1 minute"),
    HOUR("reading_1h", Duration.ofHours(1), "1 hour");

    private final String table;
    private final Duration bucket;
    private final String sqlInterval;

    Rollup(String table, Duration bucket, String sqlInterval) {
        this.table = table;
        this.bucket = bucket;
        this.sqlInterval = sqlInterval;
    }

    /** The relation to query, e.g. {@code reading_1h}. */
    public String table() {
        return table;
    }

    /** The width of a bucket. */
    public Duration bucket() {
        return bucket;
    }

    /** The width as an SQL interval literal, e.g. {@code 1 hour}. */
    String sqlInterval() {
        return sqlInterval;
    }
}
