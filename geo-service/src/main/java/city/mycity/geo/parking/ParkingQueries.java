package city.mycity.geo.parking;

import city.mycity.citymodel.GeoPoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/** Reads car parks and zones with their occupancy from the registry and the occupancy tables (blocking JDBC). */
public final class ParkingQueries {

    private static final String CAR_PARKS = "SELECT cp.id, cp.name, cp.zone_id, cp.latitude, cp.longitude, cp.capacity,"
            + " o.occupied, o.time FROM car_park cp LEFT JOIN car_park_occupancy o"
            + " ON o.tenant_id = cp.tenant_id AND o.car_park_id = cp.id WHERE cp.tenant_id = ? ORDER BY cp.id";
    private static final String FORECASTS = "SELECT car_park_id, horizon_min, issued_at, occupied, bays"
            + " FROM car_park_forecast WHERE tenant_id = ? ORDER BY car_park_id, horizon_min";
    private static final String HISTORY = "SELECT minute, occupied, bays FROM occupancy_minute"
            + " WHERE tenant_id = ? AND scope = 'car-park' AND scope_id = ? AND minute > ?"
            + " AND minute <= coalesce(?, (SELECT max(minute) FROM occupancy_minute"
            + " WHERE tenant_id = ? AND scope = 'car-park' AND scope_id = ?)) ORDER BY minute";
    private static final String NEWEST_MINUTE =
            "SELECT max(minute) FROM occupancy_minute" + " WHERE tenant_id = ? AND scope = 'car-park' AND scope_id = ?";
    private static final String ZONES = "SELECT z.id, z.name, o.occupied, o.bays, o.time FROM zone z"
            + " LEFT JOIN zone_occupancy o ON o.tenant_id = z.tenant_id AND o.zone_id = z.id"
            + " WHERE z.tenant_id = ? ORDER BY z.id";

    private final DataSource dataSource;
    private final String tenant;

    public ParkingQueries(DataSource dataSource, String tenant) {
        this.dataSource = Objects.requireNonNull(dataSource, "Data source must not be null.");
        this.tenant = Objects.requireNonNull(tenant, "Tenant must not be null.");
    }

    /** Every car park of the tenant, by id, with its newest forecasts. */
    public List<CarParkStatus> carParks() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(CAR_PARKS)) {
            st.setString(1, tenant);
            Map<String, List<FreeSpacesForecast>> forecasts = forecasts(c);
            List<CarParkStatus> result = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    result.add(new CarParkStatus(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            new GeoPoint(rs.getDouble(4), rs.getDouble(5)),
                            rs.getInt(6),
                            (Integer) rs.getObject(7),
                            instant(rs, 8),
                            forecasts.getOrDefault(rs.getString(1), List.of())));
                }
            }
            return result;
        }
    }

    private Map<String, List<FreeSpacesForecast>> forecasts(Connection c) throws SQLException {
        Map<String, List<FreeSpacesForecast>> byCarPark = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement(FORECASTS)) {
            st.setString(1, tenant);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    int free = (int) Math.max(0, Math.round(rs.getInt(5) - rs.getDouble(4)));
                    byCarPark
                            .computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
                            .add(new FreeSpacesForecast(rs.getInt(2), instant(rs, 3), free));
                }
            }
        }
        return byCarPark;
    }

    /**
     * A car park's occupancy per minute over {@code span} up to {@code until}, oldest first; without {@code until},
     * up to its newest minute (device time, which in a simulation need not be the wall clock's).
     */
    public List<OccupancyPoint> history(String carPark, Instant until, java.time.Duration span) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Instant end = until;
            if (end == null) {
                try (PreparedStatement st = c.prepareStatement(NEWEST_MINUTE)) {
                    st.setString(1, tenant);
                    st.setString(2, carPark);
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        end = instant(rs, 1);
                    }
                }
            }
            if (end == null) {
                return List.of();
            }
            try (PreparedStatement st = c.prepareStatement(HISTORY)) {
                st.setString(1, tenant);
                st.setString(2, carPark);
                st.setTimestamp(3, java.sql.Timestamp.from(end.minus(span)));
                st.setTimestamp(4, java.sql.Timestamp.from(end));
                st.setString(5, tenant);
                st.setString(6, carPark);
                List<OccupancyPoint> points = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        points.add(new OccupancyPoint(instant(rs, 1), rs.getInt(2), rs.getInt(3)));
                    }
                }
                return points;
            }
        }
    }

    /** Every zone of the tenant with its occupancy, by id. */
    public List<ZoneOccupancy> zones() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(ZONES)) {
            st.setString(1, tenant);
            List<ZoneOccupancy> result = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    result.add(new ZoneOccupancy(
                            rs.getString(1),
                            rs.getString(2),
                            (Integer) rs.getObject(3),
                            (Integer) rs.getObject(4),
                            instant(rs, 5)));
                }
            }
            return result;
        }
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
