package city.mycity.geo.sensors;

import city.mycity.citymodel.BoundingBox;
import city.mycity.citymodel.GeoPoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/** Finds registered sensors in a box with their latest state (blocking JDBC). */
public final class SensorQueries {

    private static final String SENSORS = "SELECT d.id, d.kind, d.zone_id, d.site_id, d.latitude, d.longitude,"
            + " s.quantity, s.value, s.unit, s.time FROM (SELECT * FROM device WHERE tenant_id = ?"
            + " AND latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ? AND (CAST(? AS text) IS NULL OR kind = ?)"
            + " AND (CAST(? AS text) IS NULL OR (? = 'none' AND site_id IS NULL) OR site_id = ?)"
            + " ORDER BY id LIMIT ?) d"
            + " LEFT JOIN sensor_state s ON s.tenant_id = d.tenant_id AND s.device_id = d.id"
            + " ORDER BY d.id, s.quantity";

    private final DataSource dataSource;
    private final String tenant;

    public SensorQueries(DataSource dataSource, String tenant) {
        this.dataSource = Objects.requireNonNull(dataSource, "Data source must not be null.");
        this.tenant = Objects.requireNonNull(tenant, "Tenant must not be null.");
    }

    /** The sensors inside the query's box (edges included), by id, at most its limit. */
    public SensorPage find(SensorQuery query) throws SQLException {
        BoundingBox box = query.box();
        String kind = query.kind() == null ? null : query.kind().code();
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(SENSORS)) {
            st.setString(1, tenant);
            st.setDouble(2, box.minLatitude());
            st.setDouble(3, box.maxLatitude());
            st.setDouble(4, box.minLongitude());
            st.setDouble(5, box.maxLongitude());
            st.setString(6, kind);
            st.setString(7, kind);
            st.setString(8, query.site());
            st.setString(9, query.site());
            st.setString(10, query.site());
            st.setInt(11, query.limit() + 1);
            Map<String, Builder> found = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Builder b = found.get(rs.getString(1));
                    if (b == null) {
                        b = new Builder(rs);
                        found.put(b.id, b);
                    }
                    if (rs.getString(7) != null) {
                        OffsetDateTime time = rs.getObject(10, OffsetDateTime.class);
                        b.state.add(
                                new SensorState(rs.getString(7), rs.getDouble(8), rs.getString(9), time.toInstant()));
                    }
                }
            }
            List<SensorView> sensors = found.values().stream()
                    .map(Builder::build)
                    .limit(query.limit())
                    .toList();
            return new SensorPage(sensors, found.size() > query.limit());
        }
    }

    private static final class Builder {
        final String id;
        final String kind;
        final String zone;
        final String site;
        final GeoPoint location;
        final List<SensorState> state = new ArrayList<>();

        Builder(ResultSet rs) throws SQLException {
            id = rs.getString(1);
            kind = rs.getString(2);
            zone = rs.getString(3);
            site = rs.getString(4);
            location = new GeoPoint(rs.getDouble(5), rs.getDouble(6));
        }

        SensorView build() {
            return new SensorView(id, kind, zone, site, location, state);
        }
    }
}
