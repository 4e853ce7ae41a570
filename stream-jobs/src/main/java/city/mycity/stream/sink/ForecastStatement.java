package city.mycity.stream.sink;

import city.mycity.stream.parking.CarParkForecast;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/** Keeps the newest forecast of each car park at each horizon in {@code car_park_forecast}. */
public final class ForecastStatement implements BatchStatement<CarParkForecast> {

    private static final long serialVersionUID = 1L;

    private static final String SQL =
            "INSERT INTO car_park_forecast AS f (tenant_id, car_park_id, horizon_min, issued_at, occupied, bays)"
                    + " SELECT * FROM unnest(?::text[], ?::text[], ?::int4[], ?::timestamptz[], ?::float8[],"
                    + " ?::int4[])"
                    + " ON CONFLICT (tenant_id, car_park_id, horizon_min) DO UPDATE"
                    + " SET issued_at = excluded.issued_at, occupied = excluded.occupied, bays = excluded.bays,"
                    + " updated_at = now()"
                    + " WHERE f.issued_at <= excluded.issued_at";

    /** One row per tenant, car park and horizon: the forecast issued last. */
    public static final KeepNewest<CarParkForecast> PER_HORIZON = new PerHorizon();

    @Override
    public int execute(Connection connection, List<CarParkForecast> batch) throws SQLException {
        List<CarParkForecast> latest = NewestPerKey.of(batch, PER_HORIZON);
        try (PreparedStatement upsert = connection.prepareStatement(SQL)) {
            upsert.setArray(1, SqlArrays.text(connection, latest, CarParkForecast::tenant));
            upsert.setArray(2, SqlArrays.text(connection, latest, CarParkForecast::carPark));
            upsert.setArray(3, SqlArrays.ints(connection, latest, CarParkForecast::horizonMinutes));
            upsert.setArray(4, SqlArrays.times(connection, latest, CarParkForecast::issuedAt));
            upsert.setArray(5, SqlArrays.doubles(connection, latest, CarParkForecast::occupied));
            upsert.setArray(6, SqlArrays.ints(connection, latest, CarParkForecast::bays));
            return upsert.executeUpdate();
        }
    }

    private static final class PerHorizon implements KeepNewest<CarParkForecast> {
        private static final long serialVersionUID = 1L;

        @Override
        public String key(CarParkForecast forecast) {
            return forecast.tenant() + '/' + forecast.carPark() + '/' + forecast.horizonMinutes();
        }

        @Override
        public TypeInformation<CarParkForecast> type() {
            return Types.POJO(CarParkForecast.class);
        }

        @Override
        public boolean replaces(CarParkForecast next, CarParkForecast kept) {
            return !next.issuedAt().isBefore(kept.issuedAt());
        }
    }
}
