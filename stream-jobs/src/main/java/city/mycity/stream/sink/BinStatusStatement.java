package city.mycity.stream.sink;

import city.mycity.stream.bins.BinStatusRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Keeps each bin's newest status in {@code bin_status}. */
public final class BinStatusStatement implements BatchStatement<BinStatusRow> {

    private static final long serialVersionUID = 1L;

    private static final String SQL = "INSERT INTO bin_status AS b (tenant_id, bin_id, fill, rate_per_hour, full_at,"
            + " last_collected, time) VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (tenant_id, bin_id) DO UPDATE SET fill = excluded.fill,"
            + " rate_per_hour = excluded.rate_per_hour, full_at = excluded.full_at,"
            + " last_collected = excluded.last_collected, time = excluded.time, updated_at = now()"
            + " WHERE b.time <= excluded.time";

    /** One row per tenant and bin: the newest by device time. */
    public static final KeepNewest<BinStatusRow> PER_BIN = new PerBin();

    @Override
    public int execute(Connection connection, List<BinStatusRow> batch) throws SQLException {
        List<BinStatusRow> latest = NewestPerKey.of(batch, PER_BIN);
        try (PreparedStatement upsert = connection.prepareStatement(SQL)) {
            for (BinStatusRow row : latest) {
                upsert.setString(1, row.tenant());
                upsert.setString(2, row.bin());
                upsert.setDouble(3, row.fill());
                SqlValues.setDoubleOrNull(upsert, 4, row.ratePerHour());
                SqlValues.setTimeOrNull(upsert, 5, row.fullAt());
                SqlValues.setTimeOrNull(upsert, 6, row.lastCollected());
                upsert.setTimestamp(7, Timestamp.from(row.time()));
                upsert.addBatch();
            }
            return SqlValues.rows(upsert.executeBatch());
        }
    }

    private static final class PerBin implements KeepNewest<BinStatusRow> {
        private static final long serialVersionUID = 1L;

        @Override
        public String key(BinStatusRow row) {
            return row.tenant() + '/' + row.bin();
        }

        @Override
        public TypeInformation<BinStatusRow> type() {
            return org.apache.flink.api.common.typeinfo.Types.POJO(BinStatusRow.class);
        }

        @Override
        public boolean replaces(BinStatusRow next, BinStatusRow kept) {
            return !next.time().isBefore(kept.time());
        }
    }
}
