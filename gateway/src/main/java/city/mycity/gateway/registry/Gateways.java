package city.mycity.gateway.registry;

import city.mycity.gateway.audit.AuditLog;
import city.mycity.gateway.credentials.Credentials;
import city.mycity.gateway.credentials.Subject;
import city.mycity.gateway.exception.ConflictException;
import city.mycity.gateway.exception.InvalidInputException;
import city.mycity.gateway.exception.NotFoundException;
import city.mycity.gateway.store.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A council's edge gateways in the registry: register, read, change (zone, position, status, firmware, installation
 * day), retire (its credentials are revoked; its devices stay filed under it) and list in pages. Every change is in
 * the audit log.
 */
public final class Gateways {

    private static final Set<String> STATUSES = Set.of("planned", "active", "retired");
    private static final String COLUMNS =
            "id, zone_id, latitude, longitude, status, firmware_version, installed_on," + " updated_at, retired_at";

    private final DataSource dataSource;

    public Gateways(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "Data source must not be null.");
    }

    /** What an operator writes: all of it to register, any of it to change ({@code null}: as it is). */
    public record Draft(
            String id,
            String zone,
            Double latitude,
            Double longitude,
            String status,
            String firmwareVersion,
            LocalDate installedOn) {

        Draft check(boolean isNew) {
            if (isNew && (id == null || zone == null || latitude == null || longitude == null)) {
                throw new InvalidInputException(
                        id == null ? "id" : zone == null ? "zone" : "latitude",
                        "A gateway needs its id, zone and position.");
            }
            RegistryChecks.identifier("id", id);
            RegistryChecks.identifier("zone", zone);
            RegistryChecks.position(latitude, longitude);
            if (status != null && (!STATUSES.contains(status) || (isNew && status.equals("retired")))) {
                throw new InvalidInputException(
                        "status", "A gateway's status is planned or active (retire it to end it).");
            }
            if (firmwareVersion != null && !firmwareVersion.matches("[\\p{L}\\p{N} ._/+:-]{1,64}")) {
                throw new InvalidInputException(
                        "firmwareVersion", "A firmware version is 1-64 letters, digits or . _ / + : -.");
            }
            return this;
        }
    }

    public Gateway create(String actor, String tenant, Draft draft) {
        draft.check(true);
        return Transactions.forTenant(dataSource, tenant, c -> {
            requireZone(c, tenant, draft.zone());
            try (PreparedStatement st = c.prepareStatement("INSERT INTO gateway (tenant_id, id, zone_id, latitude,"
                    + " longitude, status, firmware_version, installed_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT DO NOTHING")) {
                st.setString(1, tenant);
                st.setString(2, draft.id());
                st.setString(3, draft.zone());
                st.setDouble(4, draft.latitude());
                st.setDouble(5, draft.longitude());
                st.setString(6, draft.status() == null ? "active" : draft.status());
                st.setString(7, draft.firmwareVersion());
                st.setObject(8, draft.installedOn(), Types.DATE);
                if (st.executeUpdate() == 0) {
                    throw new ConflictException("A gateway " + draft.id() + " exists already.");
                }
            }
            AuditLog.record(c, tenant, actor, "gateway.create", draft.id(), null);
            return find(c, tenant, draft.id()).orElseThrow();
        });
    }

    public Optional<Gateway> find(String tenant, String id) {
        return Transactions.forTenant(dataSource, tenant, c -> find(c, tenant, id));
    }

    public Gateway update(String actor, String tenant, String id, Draft changes) {
        changes.check(false);
        if (changes.id() != null && !changes.id().equals(id)) {
            throw new InvalidInputException("id", "A gateway's id cannot change.");
        }
        if ("retired".equals(changes.status())) {
            throw new InvalidInputException("status", "Retire a gateway with DELETE.");
        }
        return Transactions.forTenant(dataSource, tenant, c -> {
            Gateway current = find(c, tenant, id).orElseThrow(() -> notFound(id));
            if (current.retiredAt() != null) {
                throw new ConflictException("Gateway " + id + " is retired: register a new one instead.");
            }
            if (changes.zone() != null) {
                requireZone(c, tenant, changes.zone());
            }
            try (PreparedStatement st = c.prepareStatement("UPDATE gateway SET zone_id = coalesce(?, zone_id),"
                    + " latitude = coalesce(?, latitude), longitude = coalesce(?, longitude),"
                    + " status = coalesce(?, status), firmware_version = coalesce(?, firmware_version),"
                    + " installed_on = coalesce(?, installed_on), updated_at = now() WHERE tenant_id = ? AND id = ?")) {
                st.setString(1, changes.zone());
                st.setObject(2, changes.latitude(), Types.DOUBLE);
                st.setObject(3, changes.longitude(), Types.DOUBLE);
                st.setString(4, changes.status());
                st.setString(5, changes.firmwareVersion());
                st.setObject(6, changes.installedOn(), Types.DATE);
                st.setString(7, tenant);
                st.setString(8, id);
                st.executeUpdate();
            }
            AuditLog.record(c, tenant, actor, "gateway.update", id, null);
            return find(c, tenant, id).orElseThrow();
        });
    }

    /** Retires a gateway and revokes its credentials; its devices stay filed under it. */
    public Gateway retire(String actor, String tenant, String id) {
        return Transactions.forTenant(dataSource, tenant, c -> {
            Gateway current = find(c, tenant, id).orElseThrow(() -> notFound(id));
            if ("retired".equals(current.status())) {
                return current;
            }
            try (PreparedStatement st = c.prepareStatement("UPDATE gateway SET status = 'retired', retired_at = now(),"
                    + " updated_at = now() WHERE tenant_id = ? AND id = ?")) {
                st.setString(1, tenant);
                st.setString(2, id);
                st.executeUpdate();
            }
            Credentials.revokeAll(c, Subject.gateway(tenant, id));
            AuditLog.record(c, tenant, actor, "gateway.retire", id, null);
            return find(c, tenant, id).orElseThrow();
        });
    }

    /** A page of the council's gateways by id, after {@code after}, of a zone and status when given. */
    public List<Gateway> list(String tenant, String zone, String status, String after, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException("limit", "A page holds 1 to 1000 gateways.");
        }
        return Transactions.forTenant(dataSource, tenant, c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM gateway WHERE tenant_id = ?"
                    + " AND (?::text IS NULL OR zone_id = ?) AND (?::text IS NULL OR status = ?)"
                    + " AND (?::text IS NULL OR id > ?) ORDER BY id LIMIT ?")) {
                st.setString(1, tenant);
                st.setString(2, zone);
                st.setString(3, zone);
                st.setString(4, status);
                st.setString(5, status);
                st.setString(6, after);
                st.setString(7, after);
                st.setInt(8, limit);
                List<Gateway> page = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        page.add(gateway(rs));
                    }
                }
                return page;
            }
        });
    }

    private static void requireZone(Connection c, String tenant, String zone) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM zone WHERE tenant_id = ? AND id = ?")) {
            st.setString(1, tenant);
            st.setString(2, zone);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new InvalidInputException("zone", "No zone " + zone + " is registered.");
                }
            }
        }
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("No gateway " + id + " is registered.");
    }

    private static Optional<Gateway> find(Connection c, String tenant, String id) throws SQLException {
        try (PreparedStatement st =
                c.prepareStatement("SELECT " + COLUMNS + " FROM gateway WHERE tenant_id = ? AND id = ?")) {
            st.setString(1, tenant);
            st.setString(2, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(gateway(rs)) : Optional.empty();
            }
        }
    }

    private static Gateway gateway(ResultSet rs) throws SQLException {
        Timestamp retired = rs.getTimestamp(9);
        return new Gateway(
                rs.getString(1),
                rs.getString(2),
                rs.getDouble(3),
                rs.getDouble(4),
                rs.getString(5),
                rs.getString(6),
                rs.getObject(7, LocalDate.class),
                rs.getTimestamp(8).toInstant(),
                retired == null ? null : retired.toInstant());
    }
}
