package city.mycity.geo.open311;

import io.vertx.core.json.JsonObject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The problem reports of one council. A new report is stored with its contact details apart and becomes an open alert
 * for the operations centre, in one transaction; closing it resolves the alert. Reads never touch the contact details.
 * Blocking: call it off the event loop.
 */
public final class RequestStore {

    /** The alert problem of a report, e.g. on the operations centre's map. */
    public static final String ALERT_PROBLEM = "citizen-report";

    private static final String COLUMNS = "SELECT r.id, r.service_code, r.status, r.status_notes, r.description,"
            + " r.latitude, r.longitude, r.address, r.attributes::text, (SELECT p.id::text FROM service_request_photo p"
            + " WHERE p.request_id = r.id LIMIT 1), r.requested_at, r.updated_at FROM service_request r";

    private final DataSource reads;
    private final DataSource writes;
    private final String tenant;

    /**
     * @param reads the public side's data source
     * @param writes a data source that may write reports and alerts, or null when reports are not taken
     */
    public RequestStore(DataSource reads, DataSource writes, String tenant) {
        this.reads = reads;
        this.writes = writes;
        this.tenant = tenant;
    }

    /** What a new report gets back: its id, and the token to follow it by. */
    public record Created(long id, UUID token) {}

    public Created create(NewRequest request) throws SQLException {
        try (Connection c = writes.getConnection()) {
            c.setAutoCommit(false);
            try {
                council(c);
                UUID token = UUID.randomUUID();
                long id;
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO service_request (tenant_id, token,"
                        + " service_code, description, latitude, longitude, address, attributes) VALUES (?, ?, ?, ?, ?,"
                        + " ?, ?, ?::jsonb) RETURNING id")) {
                    ps.setString(1, tenant);
                    ps.setObject(2, token);
                    ps.setString(3, request.service().code());
                    ps.setString(4, request.description());
                    ps.setDouble(5, request.latitude());
                    ps.setDouble(6, request.longitude());
                    ps.setString(7, request.address());
                    ps.setString(8, new JsonObject(new LinkedHashMap<>(request.attributes())).encode());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
                if (request.contact() != null && !request.contact().isEmpty()) {
                    contact(c, id, request.contact());
                }
                if (request.photo() != null) {
                    photo(c, id, request.photo());
                }
                alert(c, id, request);
                c.commit();
                return new Created(id, token);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private void contact(Connection c, long id, NewRequest.Contact contact) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO service_request_contact (request_id, tenant_id,"
                + " email, first_name, last_name, phone, device_id, account_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, tenant);
            ps.setString(3, contact.email());
            ps.setString(4, contact.firstName());
            ps.setString(5, contact.lastName());
            ps.setString(6, contact.phone());
            ps.setString(7, contact.deviceId());
            ps.setString(8, contact.accountId());
            ps.executeUpdate();
        }
    }

    private void photo(Connection c, long id, Photos.Photo photo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO service_request_photo (id, tenant_id, request_id,"
                + " content_type, width, height, bytes) VALUES (?, ?, ?, 'image/jpeg', ?, ?, ?)")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setString(2, tenant);
            ps.setLong(3, id);
            ps.setInt(4, photo.width());
            ps.setInt(5, photo.height());
            ps.setBytes(6, photo.jpeg());
            ps.executeUpdate();
        }
    }

    private void alert(Connection c, long id, NewRequest request) throws SQLException {
        UUID alert = UUID.randomUUID();
        String detail = request.service().name() + " reported by the public (Open311 request " + id + ")"
                + (request.description() == null ? "" : ": " + request.description());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert (id, tenant_id, subject, problem, severity,"
                        + " status, opened_at, changed_at, detail, latitude, longitude) VALUES (?, ?, ?, ?, ?, 'open',"
                        + " now(), now(), ?, ?, ?)");
                PreparedStatement link = c.prepareStatement("UPDATE service_request SET alert_id = ? WHERE id = ?")) {
            ps.setObject(1, alert);
            ps.setString(2, tenant);
            ps.setString(3, "open311/" + id);
            ps.setString(4, ALERT_PROBLEM);
            ps.setString(5, request.service().severity());
            ps.setString(6, detail.length() > 1000 ? detail.substring(0, 1000) : detail);
            ps.setDouble(7, request.latitude());
            ps.setDouble(8, request.longitude());
            ps.executeUpdate();
            link.setObject(1, alert);
            link.setLong(2, id);
            link.executeUpdate();
        }
    }

    /**
     * Sets a report's status ({@code open} or {@code closed}) and notes, and its alert's: resolved when closed, open
     * again when reopened. False when there is no such report.
     */
    public boolean update(long id, String status, String notes) throws SQLException {
        try (Connection c = writes.getConnection()) {
            c.setAutoCommit(false);
            try {
                council(c);
                try (PreparedStatement ps = c.prepareStatement("UPDATE service_request SET status = ?, status_notes"
                                + " = ?, updated_at = now() WHERE id = ? AND tenant_id = ? RETURNING alert_id");
                        PreparedStatement alert = c.prepareStatement("UPDATE alert SET status = ?, resolved_at = ?,"
                                + " changed_at = now(), updated_at = now() WHERE id = ?")) {
                    ps.setString(1, status);
                    ps.setString(2, notes);
                    ps.setLong(3, id);
                    ps.setString(4, tenant);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            c.rollback();
                            return false;
                        }
                        Object alertId = rs.getObject(1);
                        if (alertId != null) {
                            boolean closed = status.equals("closed");
                            alert.setString(1, closed ? "resolved" : "open");
                            alert.setTimestamp(2, closed ? Timestamp.from(Instant.now()) : null);
                            alert.setObject(3, alertId);
                            alert.executeUpdate();
                        }
                    }
                }
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    public Optional<ServiceRequest> find(long id) throws SQLException {
        List<ServiceRequest> found = query(COLUMNS + " WHERE r.tenant_id = ? AND r.id = ?", List.of(tenant, id));
        return found.stream().findFirst();
    }

    public Optional<Long> byToken(UUID token) throws SQLException {
        try (Connection c = reads.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT id FROM service_request WHERE tenant_id = ? AND token = ?")) {
            ps.setString(1, tenant);
            ps.setObject(2, token);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** What {@code GET requests} may ask for. */
    public record Query(
            List<Long> ids, List<String> serviceCodes, Instant start, Instant end, List<String> statuses, int limit) {}

    /** The reports the query names, newest first. */
    public List<ServiceRequest> list(Query q) throws SQLException {
        StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE r.tenant_id = ?");
        List<Object> args = new ArrayList<>(List.of(tenant));
        if (!q.ids().isEmpty()) {
            sql.append(" AND r.id = ANY (?)");
            args.add(q.ids().toArray(Long[]::new));
        } else {
            sql.append(" AND r.requested_at >= ? AND r.requested_at < ?");
            args.add(Timestamp.from(q.start()));
            args.add(Timestamp.from(q.end()));
        }
        if (!q.serviceCodes().isEmpty()) {
            sql.append(" AND r.service_code = ANY (?)");
            args.add(q.serviceCodes().toArray(String[]::new));
        }
        if (!q.statuses().isEmpty()) {
            sql.append(" AND r.status = ANY (?)");
            args.add(q.statuses().toArray(String[]::new));
        }
        sql.append(" ORDER BY r.requested_at DESC, r.id DESC LIMIT ").append(q.limit());
        return query(sql.toString(), args);
    }

    /** A report's photo (JPEG), if it has that one. */
    public Optional<byte[]> photo(UUID id) throws SQLException {
        try (Connection c = reads.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT bytes FROM service_request_photo WHERE tenant_id = ? AND id = ?")) {
            ps.setString(1, tenant);
            ps.setObject(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        }
    }

    private List<ServiceRequest> query(String sql, List<Object> args) throws SQLException {
        try (Connection c = reads.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                Object a = args.get(i);
                if (a instanceof Long[] longs) {
                    Array array = c.createArrayOf("bigint", longs);
                    ps.setArray(i + 1, array);
                } else if (a instanceof String[] strings) {
                    ps.setArray(i + 1, c.createArrayOf("text", strings));
                } else {
                    ps.setObject(i + 1, a);
                }
            }
            List<ServiceRequest> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> attributes = new LinkedHashMap<>();
                    new JsonObject(rs.getString(9))
                            .forEach(e -> attributes.put(e.getKey(), String.valueOf(e.getValue())));
                    found.add(new ServiceRequest(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getDouble(6),
                            rs.getDouble(7),
                            rs.getString(8),
                            attributes,
                            rs.getString(10),
                            rs.getTimestamp(11).toInstant(),
                            rs.getTimestamp(12).toInstant()));
                }
            }
            return found;
        }
    }

    private void council(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('mycity.tenant', ?, true)")) {
            ps.setString(1, tenant);
            ps.execute();
        }
    }
}
