package city.mycity.stream.sink;

import city.mycity.reading.Reading;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * Keeps the latest value of each device's quantity: an upsert in which the newest device time wins, and within the same
 * time the higher sequence number, so a late or replayed reading never moves the state backwards. Within a batch only
 * each key's newest reading is written (an upsert may not touch a row twice), in key order (see {@link NewestPerKey}).
 */
public final class SensorStateStatement implements BatchStatement<Reading> {

    private static final long serialVersionUID = 1L;

    static final String SQL = "INSERT INTO sensor_state AS s (tenant_id, device_id, quantity, value, unit, time, seq)"
            + " SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::float8[], ?::text[], ?::timestamptz[],"
            + " ?::int8[])"
            + " ON CONFLICT (tenant_id, device_id, quantity) DO UPDATE"
            + " SET value = excluded.value, unit = excluded.unit, time = excluded.time, seq = excluded.seq,"
            + " updated_at = now()"
            + " WHERE (s.time, s.seq) < (excluded.time, excluded.seq)";

    /** Newer: a later device time, or the same time and a higher sequence number. */
    static final Comparator<Reading> NEWNESS =
            Comparator.comparing(Reading::time).thenComparingLong(Reading::sequence);

    @Override
    public int execute(Connection connection, List<Reading> batch) throws SQLException {
        List<Reading> newest = newestPerKey(batch);
        try (PreparedStatement upsert = connection.prepareStatement(SQL)) {
            upsert.setArray(1, SqlArrays.text(connection, newest, Reading::tenant));
            upsert.setArray(2, SqlArrays.text(connection, newest, Reading::device));
            upsert.setArray(3, SqlArrays.text(connection, newest, Reading::quantity));
            upsert.setArray(4, SqlArrays.doubles(connection, newest, Reading::value));
            upsert.setArray(5, SqlArrays.text(connection, newest, Reading::unit));
            upsert.setArray(6, SqlArrays.times(connection, newest, Reading::time));
            upsert.setArray(7, SqlArrays.longs(connection, newest, Reading::sequence));
            return upsert.executeUpdate();
        }
    }

    /** The newest reading of each key of the batch, in key order: what is written. Public for the benchmarks module. */
    public static List<Reading> newestPerKey(List<Reading> batch) {
        return NewestPerKey.of(batch, PER_SENSOR);
    }

    /** One row per tenant, device and quantity; a newer reading replaces an older one, a repeat changes nothing. */
    public static final KeepNewest<Reading> PER_SENSOR = new PerSensor();

    private static final class PerSensor implements KeepNewest<Reading> {
        private static final long serialVersionUID = 1L;

        @Override
        public String key(Reading reading) {
            return reading.tenant() + '/' + reading.device() + '/' + reading.quantity();
        }

        @Override
        public TypeInformation<Reading> type() {
            return Types.POJO(Reading.class);
        }

        @Override
        public boolean replaces(Reading next, Reading kept) {
            return NEWNESS.compare(next, kept) > 0;
        }
    }
}
