package city.mycity.stream.sink;

import city.mycity.stream.traffic.TrafficFlowRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/** Writes counters' 5-minute windows to {@code traffic_flow}, once each: a replayed window writes over itself. */
public final class TrafficFlowStatement implements BatchStatement<TrafficFlowRow> {

    private static final long serialVersionUID = 1L;

    private static final String SQL = "INSERT INTO traffic_flow (tenant_id, counter_id, window_start,"
            + " vehicles_per_hour, speed_kmh, level) VALUES (?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (tenant_id, counter_id, window_start) DO UPDATE SET"
            + " vehicles_per_hour = excluded.vehicles_per_hour, speed_kmh = excluded.speed_kmh, level = excluded.level";

    @Override
    public int execute(Connection connection, List<TrafficFlowRow> batch) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(SQL)) {
            for (TrafficFlowRow row : batch) {
                upsert.setString(1, row.tenant());
                upsert.setString(2, row.counter());
                upsert.setTimestamp(3, Timestamp.from(row.windowStart()));
                upsert.setDouble(4, row.vehiclesPerHour());
                SqlValues.setDoubleOrNull(upsert, 5, row.speedKmh());
                upsert.setString(6, row.level());
                upsert.addBatch();
            }
            return SqlValues.rows(upsert.executeBatch());
        }
    }
}
