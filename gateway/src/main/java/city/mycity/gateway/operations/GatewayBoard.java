package city.mycity.gateway.operations;

import city.mycity.gateway.store.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The council's active gateways with their health, for the operations centre: the latest readings their edge agents
 * report of them (in {@code sensor_state}, under the gateway's id, as a device of kind {@code gateway}), their
 * unresolved alerts and how many sensors each serves.
 */
public final class GatewayBoard {

    /** The health quantities the edge agent reports, in the order of the query's columns. */
    public static final List<String> QUANTITIES =
            List.of("outbox-depth", "outbox-oldest-age", "outbox-evicted", "uptime", "cpu", "memory");

    private static final String SQL = "SELECT g.id, g.zone_id, g.longitude, g.latitude, g.firmware_version,"
            + " h.last_seen, h.outbox_depth, h.outbox_oldest_age, h.outbox_evicted, h.uptime, h.cpu, h.memory,"
            + " coalesce(a.alerts, 0), coalesce(a.offline, false), coalesce(a.backlog, false),"
            + " (SELECT count(*) FROM device d WHERE d.tenant_id = g.tenant_id AND d.gateway_id = g.id"
            + " AND d.kind <> 'gateway' AND d.status IN ('active', 'maintenance'))"
            + " FROM gateway g LEFT JOIN LATERAL (SELECT max(updated_at) AS last_seen,"
            + " max(value) FILTER (WHERE quantity = 'outbox-depth') AS outbox_depth,"
            + " max(value) FILTER (WHERE quantity = 'outbox-oldest-age') AS outbox_oldest_age,"
            + " max(value) FILTER (WHERE quantity = 'outbox-evicted') AS outbox_evicted,"
            + " max(value) FILTER (WHERE quantity = 'uptime') AS uptime,"
            + " max(value) FILTER (WHERE quantity = 'cpu') AS cpu,"
            + " max(value) FILTER (WHERE quantity = 'memory') AS memory"
            + " FROM sensor_state s WHERE s.tenant_id = g.tenant_id AND s.device_id = g.id) h ON true"
            + " LEFT JOIN (SELECT subject, count(*) AS alerts, bool_or(problem = 'offline') AS offline,"
            + " bool_or(problem = 'backlog') AS backlog FROM alert WHERE tenant_id = ? AND status <> 'resolved'"
            + " GROUP BY subject) a ON a.subject = g.id"
            + " WHERE g.tenant_id = ? AND g.status = 'active'";

    private final DataSource dataSource;
    private final StateRules rules;

    public GatewayBoard(DataSource dataSource, OperationsSettings settings) {
        this.dataSource = Objects.requireNonNull(dataSource, "Data source must not be null.");
        this.rules = new StateRules(Objects.requireNonNull(settings, "Settings must not be null."));
    }

    /** The council's active gateways (of one zone when {@code zone} is not null), by id, as of now. */
    public GatewayList list(String tenant, String zone) {
        Objects.requireNonNull(tenant, "Tenant must not be null.");
        return Transactions.forTenant(dataSource, tenant, c -> {
            Instant now = StoreClock.now(c);
            List<GatewayHealth> gateways = new ArrayList<>();
            try (PreparedStatement st =
                    c.prepareStatement(SQL + (zone == null ? "" : " AND g.zone_id = ?") + " ORDER BY g.id")) {
                st.setString(1, tenant);
                st.setString(2, tenant);
                if (zone != null) {
                    st.setString(3, zone);
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        gateways.add(health(rs, now));
                    }
                }
            }
            return new GatewayList(now, gateways);
        });
    }

    private GatewayHealth health(ResultSet rs, Instant now) throws SQLException {
        OffsetDateTime seen = rs.getObject(6, OffsetDateTime.class);
        Instant lastSeen = seen == null ? null : seen.toInstant();
        Map<String, Double> health = new LinkedHashMap<>();
        for (int i = 0; i < QUANTITIES.size(); i++) {
            Double value = (Double) rs.getObject(7 + i);
            if (value != null) {
                health.put(QUANTITIES.get(i), value);
            }
        }
        GatewayFacts facts = new GatewayFacts(
                lastSeen,
                health.get("outbox-depth"),
                health.get("outbox-oldest-age"),
                rs.getBoolean(14),
                rs.getBoolean(15));
        return new GatewayHealth(
                rs.getString(1),
                rs.getString(2),
                rs.getDouble(3),
                rs.getDouble(4),
                rs.getString(5),
                lastSeen,
                rules.gateway(facts, now),
                health,
                rs.getInt(16),
                rs.getInt(13));
    }

    /**
     * The gateways of one answer.
     *
     * @param asOf the store's time of the answer
     */
    public record GatewayList(Instant asOf, List<GatewayHealth> gateways) {}
}
