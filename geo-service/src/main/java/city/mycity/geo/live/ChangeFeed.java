package city.mycity.geo.live;

import city.mycity.geo.alerts.AlertQueries;
import city.mycity.geo.alerts.PublicAlert;
import city.mycity.geo.live.LiveEvent.AlertChanged;
import city.mycity.geo.live.LiveEvent.BayChanged;
import city.mycity.geo.live.LiveEvent.CarParkChanged;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Finds the car-park occupancy, on-street bay and public alert ({@link AlertQueries}) rows that changed since the last
 * poll, by their {@code updated_at}.
 *
 * <p>{@code updated_at} is the writing transaction's start time, so a row can commit with a time a little older than
 * one already seen. Each poll therefore looks back {@code lookback} before its watermark and remembers which version
 * of each row it has already reported, so that such rows are reported once, late rather than never. The first poll only
 * takes the watermark: clients load the current state from the REST API and then follow the changes.
 *
 * <p>Writers must set {@code updated_at = now()} when they update a row. Not thread-safe: one poller calls it.
 */
public final class ChangeFeed {

    /** How many alerts one query reads at a time. */
    static final int PAGE = 500;

    private static final String CAR_PARKS = "SELECT o.car_park_id, cp.capacity, o.occupied, o.time, o.updated_at"
            + " FROM car_park_occupancy o JOIN car_park cp ON cp.tenant_id = o.tenant_id AND cp.id = o.car_park_id"
            + " WHERE o.tenant_id = ? AND o.updated_at > ?";
    private static final String BAYS = "SELECT s.device_id, s.value, s.time, s.updated_at FROM sensor_state s"
            + " JOIN device d ON d.tenant_id = s.tenant_id AND d.id = s.device_id"
            + " WHERE s.tenant_id = ? AND s.quantity = 'occupied' AND d.site_id IS NULL AND s.updated_at > ?";

    private final DataSource dataSource;
    private final String tenant;
    private final AlertQueries alerts;
    private final Duration lookback;
    private final Map<String, Instant> reported = new HashMap<>();
    private Instant watermark;
    /** The alerts' own: they page through any number of changes, while car parks and bays read theirs at once. */
    private Instant alertWatermark;

    public ChangeFeed(DataSource dataSource, String tenant, Duration lookback) {
        this.dataSource = Objects.requireNonNull(dataSource, "Data source must not be null.");
        this.tenant = Objects.requireNonNull(tenant, "Tenant must not be null.");
        this.lookback = Objects.requireNonNull(lookback, "Lookback must not be null.");
        this.alerts = new AlertQueries(dataSource, tenant);
    }

    /** The changes since the previous poll, car parks first, alerts last; empty on the first poll. */
    public List<LiveEvent> poll() throws SQLException {
        boolean first = watermark == null;
        Instant since = first ? Instant.EPOCH : watermark.minus(lookback);
        List<LiveEvent> events = new ArrayList<>();
        Instant newest = watermark;
        try (Connection c = dataSource.getConnection()) {
            newest = max(newest, carParks(c, since, events));
            newest = max(newest, bays(c, since, events));
        }
        watermark = newest == null ? Instant.EPOCH : newest;
        if (first) {
            alertWatermark = alerts.newestChange().orElse(Instant.EPOCH);
        } else {
            alertWatermark = max(alertWatermark, alerts(alertWatermark.minus(lookback), events));
        }
        forget(true, alertWatermark);
        forget(false, watermark);
        return first ? List.of() : events;
    }

    private Instant carParks(Connection c, Instant since, List<LiveEvent> events) throws SQLException {
        Instant newest = null;
        try (PreparedStatement st = query(c, CAR_PARKS, since);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                Instant updatedAt = instant(rs, 5);
                newest = max(newest, updatedAt);
                if (isNew("cp:" + rs.getString(1), updatedAt)) {
                    int capacity = rs.getInt(2);
                    int occupied = rs.getInt(3);
                    events.add(new CarParkChanged(
                            rs.getString(1), Math.max(0, capacity - occupied), occupied, capacity, instant(rs, 4)));
                }
            }
        }
        return newest;
    }

    private Instant bays(Connection c, Instant since, List<LiveEvent> events) throws SQLException {
        Instant newest = null;
        try (PreparedStatement st = query(c, BAYS, since);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                Instant updatedAt = instant(rs, 4);
                newest = max(newest, updatedAt);
                if (isNew("bay:" + rs.getString(1), updatedAt)) {
                    events.add(new BayChanged(rs.getString(1), rs.getDouble(2) >= 0.5, instant(rs, 3)));
                }
            }
        }
        return newest;
    }

    private Instant alerts(Instant since, List<LiveEvent> events) throws SQLException {
        Instant newest = null;
        Instant after = since;
        String afterId = null;
        List<PublicAlert> page;
        do {
            page = alerts.changedAfter(after, afterId, PAGE);
            for (PublicAlert alert : page) {
                newest = max(newest, alert.updated());
                if (isNew("alert:" + alert.id(), alert.updated())) {
                    events.add(new AlertChanged(alert));
                }
                after = alert.updated();
                afterId = alert.id();
            }
        } while (page.size() == PAGE);
        return newest;
    }

    /** Forgets the alerts (or the other rows) reported before the next polls' window: none that old is read again. */
    private void forget(boolean alertRows, Instant reachedBy) {
        Instant oldest = reachedBy.minus(lookback).minus(lookback);
        reported.entrySet()
                .removeIf(e -> e.getKey().startsWith("alert:") == alertRows
                        && e.getValue().isBefore(oldest));
    }

    private PreparedStatement query(Connection c, String sql, Instant since) throws SQLException {
        PreparedStatement st = c.prepareStatement(sql);
        st.setString(1, tenant);
        st.setObject(2, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
        return st;
    }

    private boolean isNew(String key, Instant updatedAt) {
        return !updatedAt.equals(reported.put(key, updatedAt));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
