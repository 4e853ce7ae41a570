package city.mycity.stream.sink;

import city.mycity.stream.parking.Occupancy;
import city.mycity.stream.parking.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * Upserts car park or zone occupancy; an occupancy stamped earlier than the stored one is ignored. At equal times the
 * later one wins (a late reading of another bay changes the count, not the newest time).
 */
public final class OccupancyStatement implements BatchStatement<Occupancy> {

    private static final long serialVersionUID = 1L;

    private final String sql;

    private OccupancyStatement(String table, String idColumn) {
        this.sql = "INSERT INTO " + table + " AS o (tenant_id, " + idColumn + ", occupied, bays, time)"
                + " SELECT * FROM unnest(?::text[], ?::text[], ?::int4[], ?::int4[], ?::timestamptz[])"
                + " ON CONFLICT (tenant_id, " + idColumn + ") DO UPDATE"
                + " SET occupied = excluded.occupied, bays = excluded.bays, time = excluded.time, updated_at = now()"
                + " WHERE o.time <= excluded.time";
    }

    public static OccupancyStatement forScope(Scope scope) {
        return switch (scope) {
            case CAR_PARK -> new OccupancyStatement("car_park_occupancy", "car_park_id");
            case ZONE -> new OccupancyStatement("zone_occupancy", "zone_id");
        };
    }

    @Override
    public int execute(Connection connection, List<Occupancy> batch) throws SQLException {
        List<Occupancy> latest = latestPerKey(batch);
        try (PreparedStatement upsert = connection.prepareStatement(sql)) {
            upsert.setArray(1, SqlArrays.text(connection, latest, Occupancy::tenant));
            upsert.setArray(2, SqlArrays.text(connection, latest, Occupancy::scopeId));
            upsert.setArray(3, SqlArrays.ints(connection, latest, Occupancy::occupied));
            upsert.setArray(4, SqlArrays.ints(connection, latest, Occupancy::bays));
            upsert.setArray(5, SqlArrays.times(connection, latest, Occupancy::time));
            return upsert.executeUpdate();
        }
    }

    static List<Occupancy> latestPerKey(List<Occupancy> batch) {
        return NewestPerKey.of(batch, PER_SCOPE);
    }

    /**
     * One row per tenant and car park (or zone); a later occupancy replaces an earlier one, and at equal times the one
     * computed later (a late reading of another bay changes the count, not the newest time).
     */
    public static final KeepNewest<Occupancy> PER_SCOPE = new PerScope();

    private static final class PerScope implements KeepNewest<Occupancy> {
        private static final long serialVersionUID = 1L;

        @Override
        public String key(Occupancy occupancy) {
            return occupancy.tenant() + '/' + occupancy.scopeId();
        }

        @Override
        public TypeInformation<Occupancy> type() {
            return Types.POJO(Occupancy.class);
        }

        @Override
        public boolean replaces(Occupancy next, Occupancy kept) {
            return !next.time().isBefore(kept.time());
        }
    }
}
