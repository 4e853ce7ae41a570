package city.mycity.stream.sink;

import city.mycity.stream.parking.Occupancy;
import city.mycity.stream.parking.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/** Keeps the last occupancy of each car park and zone in each minute of device time, in {@code occupancy_minute}. */
public final class OccupancyMinuteStatement implements BatchStatement<Occupancy> {

    private static final long serialVersionUID = 1L;

    private static final String SQL = "INSERT INTO occupancy_minute AS o (tenant_id, scope, scope_id, minute, occupied,"
            + " bays, time) SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::int4[],"
            + " ?::int4[], ?::timestamptz[])"
            + " ON CONFLICT (tenant_id, scope, scope_id, minute) DO UPDATE"
            + " SET occupied = excluded.occupied, bays = excluded.bays, time = excluded.time"
            + " WHERE o.time <= excluded.time";

    /** One row per tenant, scope and minute: the newest change in it. */
    public static final KeepNewest<Occupancy> PER_MINUTE = new PerMinute();

    @Override
    public int execute(Connection connection, List<Occupancy> batch) throws SQLException {
        List<Occupancy> latest = NewestPerKey.of(batch, PER_MINUTE);
        try (PreparedStatement upsert = connection.prepareStatement(SQL)) {
            upsert.setArray(1, SqlArrays.text(connection, latest, Occupancy::tenant));
            upsert.setArray(2, SqlArrays.text(connection, latest, o -> scopeName(o.scope())));
            upsert.setArray(3, SqlArrays.text(connection, latest, Occupancy::scopeId));
            upsert.setArray(4, SqlArrays.times(connection, latest, o -> minuteOf(o.time())));
            upsert.setArray(5, SqlArrays.ints(connection, latest, Occupancy::occupied));
            upsert.setArray(6, SqlArrays.ints(connection, latest, Occupancy::bays));
            upsert.setArray(7, SqlArrays.times(connection, latest, Occupancy::time));
            return upsert.executeUpdate();
        }
    }

    static String scopeName(Scope scope) {
        return scope == Scope.CAR_PARK ? "car-park" : "zone";
    }

    static Instant minuteOf(Instant time) {
        return time.truncatedTo(ChronoUnit.MINUTES);
    }

    private static final class PerMinute implements KeepNewest<Occupancy> {
        private static final long serialVersionUID = 1L;

        @Override
        public String key(Occupancy o) {
            return o.tenant() + '/' + scopeName(o.scope()) + '/' + o.scopeId() + '/' + minuteOf(o.time());
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
