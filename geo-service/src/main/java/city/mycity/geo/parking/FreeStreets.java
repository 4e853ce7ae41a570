package city.mycity.geo.parking;

import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.GeoPoint;
import city.mycity.citymodel.Sensor;
import city.mycity.citymodel.Street;
import city.mycity.reading.SensorKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The streets with free on-street bays now: each bay outside car parks whose latest {@code occupied} reading is 0,
 * grouped by the street the city model puts it on.
 */
public final class FreeStreets {

    private static final String FREE_BAYS = "SELECT s.device_id FROM sensor_state s"
            + " JOIN device d ON d.tenant_id = s.tenant_id AND d.id = s.device_id"
            + " WHERE s.tenant_id = ? AND s.quantity = 'occupied' AND s.value < 0.5 AND d.site_id IS NULL";

    /** A street with free bays, and where they are. */
    public record FreeStreet(String id, String name, List<GeoPoint> freeBays) {}

    private final DataSource dataSource;
    private final String tenant;
    private final Map<String, Sensor> bays;
    private final Map<String, Street> streets;

    public FreeStreets(DataSource dataSource, CityModel city) {
        this.dataSource = Objects.requireNonNull(dataSource, "Data source must not be null.");
        this.tenant = city.tenant();
        this.bays = city.sensors().stream()
                .filter(s -> s.kind() == SensorKind.PARKING_BAY && s.street() != null && s.site() == null)
                .collect(Collectors.toMap(Sensor::id, Function.identity(), (a, b) -> a));
        this.streets = city.streets().stream().collect(Collectors.toMap(Street::id, Function.identity(), (a, b) -> a));
    }

    /** The streets with at least one free bay, by id. */
    public List<FreeStreet> now() throws SQLException {
        Map<String, List<GeoPoint>> free = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(FREE_BAYS)) {
            st.setString(1, tenant);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Sensor bay = bays.get(rs.getString(1));
                    if (bay != null) {
                        free.computeIfAbsent(bay.street(), k -> new ArrayList<>())
                                .add(bay.location());
                    }
                }
            }
        }
        List<FreeStreet> result = new ArrayList<>();
        free.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Street street = streets.get(e.getKey());
            result.add(new FreeStreet(e.getKey(), street == null ? null : street.name(), List.copyOf(e.getValue())));
        });
        return result;
    }
}
