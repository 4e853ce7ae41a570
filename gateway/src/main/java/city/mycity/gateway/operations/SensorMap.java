package city.mycity.gateway.operations;

import city.mycity.gateway.store.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Every sensor of a council with its state, for the operations centre's map, in one query: the registered devices
 * that are not gateways, {@code active} or in {@code maintenance} (planned and retired ones are not on the map), with
 * the latest of their own readings ({@code sensor_state}, leaving out the {@code seen-ago} their gateway reports every
 * minute) and their unresolved alerts.
 *
 * <p>With {@code since}, only the sensors that may have changed after it are read, each found by an index: a new
 * reading ({@code sensor_state.updated_at}), an alert opened, acknowledged or resolved ({@code alert.updated_at}), a
 * registration changed ({@code device.updated_at}), or a last reading that crossed the offline threshold in between
 * (its {@code updated_at} in {@code [since - offlineAfter, asOf - offlineAfter)}). Each looks {@link
 * OperationsSettings#lookback()} further back, so a few sensors may come again.
 */
public final class SensorMap {

    private static final String LISTED = "(d.kind <> 'gateway' AND d.status IN ('active', 'maintenance')";
    private static final String OWN_READINGS = "SELECT device_id, max(updated_at) AS last_seen,"
            + " max(value) FILTER (WHERE quantity = 'battery') AS battery FROM sensor_state"
            + " WHERE tenant_id = ? AND quantity <> 'seen-ago'";
    private static final String UNRESOLVED = "SELECT subject, count(*) AS alerts, bool_or(problem = 'offline') AS"
            + " offline, bool_or(problem = 'battery-low') AS battery_low FROM alert"
            + " WHERE tenant_id = ? AND status <> 'resolved'";
    private static final String CHANGED = "WITH changed AS ("
            + "SELECT device_id AS id FROM sensor_state WHERE tenant_id = ? AND updated_at > ? AND quantity <> 'seen-ago'"
            + " UNION SELECT device_id FROM sensor_state WHERE tenant_id = ? AND updated_at >= ? AND updated_at < ?"
            + " AND quantity <> 'seen-ago'"
            + " UNION SELECT subject FROM alert WHERE tenant_id = ? AND updated_at > ?"
            + " UNION SELECT id FROM device WHERE tenant_id = ? AND updated_at > ?"
            + " UNION SELECT id FROM device WHERE tenant_id = ? AND registered_at >= ? AND registered_at < ?) ";

    private final DataSource dataSource;
    private final OperationsSettings settings;
    private final StateRules rules;

    public SensorMap(DataSource dataSource, OperationsSettings settings) {
        this.dataSource = Objects.requireNonNull(dataSource, "Data source must not be null.");
        this.settings = Objects.requireNonNull(settings, "Settings must not be null.");
        this.rules = new StateRules(settings);
    }

    /** The council's sensors the filter asks for, as of now. */
    public SensorSnapshot snapshot(String tenant, SensorFilter filter) {
        Objects.requireNonNull(tenant, "Tenant must not be null.");
        return Transactions.forTenant(dataSource, tenant, c -> {
            Instant now = StoreClock.now(c);
            Query query = query(tenant, filter, now);
            List<SensorMark> sensors = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(query.sql)) {
                for (int i = 0; i < query.params.size(); i++) {
                    st.setObject(i + 1, query.params.get(i));
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getBoolean(11)) {
                            sensors.add(mark(rs, now));
                        } else {
                            removed.add(rs.getString(1));
                        }
                    }
                }
            }
            return new SensorSnapshot(now, sensors, removed);
        });
    }

    /** The query for a filter, with its parameters; package-private for the plan's test. */
    Query query(String tenant, SensorFilter filter, Instant now) {
        List<Object> params = new ArrayList<>();
        StringBuilder listed = new StringBuilder(LISTED);
        List<Object> listedParams = new ArrayList<>();
        if (filter.kind() != null) {
            listed.append(" AND d.kind = ?");
            listedParams.add(filter.kind());
        }
        if (filter.zone() != null) {
            listed.append(" AND d.zone_id = ?");
            listedParams.add(filter.zone());
        }
        listed.append(')');
        boolean polling = filter.since() != null;
        StringBuilder sql = new StringBuilder();
        OffsetDateTime since = null;
        if (polling) {
            since = time(filter.since().minus(settings.lookback()));
            sql.append(CHANGED);
            params.add(tenant);
            params.add(since);
            params.add(tenant);
            params.add(time(filter.since().minus(settings.lookback()).minus(settings.offlineAfter())));
            params.add(time(now.minus(settings.offlineAfter())));
            params.add(tenant);
            params.add(since);
            params.add(tenant);
            params.add(since);
            // A sensor never heard from that crossed the offline threshold since its registration.
            params.add(tenant);
            params.add(time(filter.since().minus(settings.lookback()).minus(settings.offlineAfter())));
            params.add(time(now.minus(settings.offlineAfter())));
        }
        String onlyChanged = polling ? " AND device_id IN (SELECT id FROM changed)" : "";
        sql.append("SELECT d.id, d.kind, d.zone_id, d.longitude, d.latitude, s.last_seen, s.battery,")
                .append(" coalesce(a.alerts, 0), coalesce(a.offline, false), coalesce(a.battery_low, false), ")
                .append(listed)
                .append(" AS listed, d.registered_at FROM device d LEFT JOIN (")
                .append(OWN_READINGS)
                .append(onlyChanged)
                .append(" GROUP BY device_id) s ON s.device_id = d.id LEFT JOIN (")
                .append(UNRESOLVED)
                .append(polling ? " AND subject IN (SELECT id FROM changed)" : "")
                .append(" GROUP BY subject) a ON a.subject = d.id WHERE d.tenant_id = ?");
        params.addAll(listedParams);
        params.add(tenant);
        params.add(tenant);
        params.add(tenant);
        if (polling) {
            sql.append(" AND d.id IN (SELECT id FROM changed) AND (")
                    .append(listed)
                    .append(" OR d.updated_at > ?)");
            params.addAll(listedParams);
            params.add(since);
        } else {
            sql.append(" AND ").append(listed);
            params.addAll(listedParams);
        }
        sql.append(" ORDER BY d.id");
        return new Query(sql.toString(), params);
    }

    private SensorMark mark(ResultSet rs, Instant now) throws SQLException {
        OffsetDateTime lastSeen = rs.getObject(6, OffsetDateTime.class);
        Double battery = (Double) rs.getObject(7);
        SensorFacts facts = new SensorFacts(
                lastSeen == null ? null : lastSeen.toInstant(),
                battery,
                rs.getInt(8),
                rs.getBoolean(9),
                rs.getBoolean(10),
                rs.getObject(12, OffsetDateTime.class).toInstant());
        return new SensorMark(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getDouble(4),
                rs.getDouble(5),
                rules.sensor(facts, now),
                battery,
                facts.lastSeen(),
                facts.alerts());
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A statement's text and its parameters, in order. */
    record Query(String sql, List<Object> params) {}
}
