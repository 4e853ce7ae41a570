package city.mycity.geo.bins;

import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.Sensor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** The bins job's view of the bins (table {@code bin_status}), placed by the city model. */
public final class BinQueries {

    private static final String DUE = "SELECT bin_id, fill, rate_per_hour, full_at, last_collected, time"
            + " FROM bin_status WHERE tenant_id = ? AND full_at <= ? ORDER BY full_at, bin_id";

    private final DataSource dataSource;
    private final String tenant;
    private final Map<String, Sensor> bins;

    public BinQueries(DataSource dataSource, CityModel city) {
        this.dataSource = Objects.requireNonNull(dataSource, "Data source must not be null.");
        this.tenant = city.tenant();
        this.bins = city.sensors().stream().collect(Collectors.toMap(Sensor::id, Function.identity(), (a, b) -> a));
    }

    /** The bins full already or due to be full by {@code before}, soonest first. */
    public List<DueBin> dueBefore(Instant before) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(DUE)) {
            st.setString(1, tenant);
            st.setTimestamp(2, Timestamp.from(before));
            List<DueBin> due = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Sensor bin = bins.get(rs.getString(1));
                    if (bin == null) {
                        continue;
                    }
                    due.add(new DueBin(
                            bin.id(),
                            bin.zone(),
                            bin.location(),
                            rs.getDouble(2),
                            (Double) rs.getObject(3),
                            rs.getTimestamp(4).toInstant(),
                            rs.getTimestamp(5) == null
                                    ? null
                                    : rs.getTimestamp(5).toInstant(),
                            rs.getTimestamp(6).toInstant()));
                }
            }
            return due;
        }
    }
}
