package city.mycity.gateway.registry;

import city.mycity.gateway.audit.AuditLog;
import city.mycity.gateway.credentials.Credentials;
import city.mycity.gateway.credentials.Subject;
import city.mycity.gateway.exception.ConflictException;
import city.mycity.gateway.exception.InvalidInputException;
import city.mycity.gateway.exception.NotFoundException;
import city.mycity.gateway.exception.StaleVersionException;
import city.mycity.gateway.store.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import javax.sql.DataSource;

/**
 * A council's devices in the registry: create, read, change, retire, search. Every call is one council's (its
 * {@code tenant}): another council's devices are not found. Every change is written to the audit log with who made it,
 * in the same transaction.
 */
public final class Devices {

    static final String COLUMNS = "id, gateway_id, kind, zone_id, site_id, latitude, longitude, vendor, profile,"
            + " installed_on, status, firmware_version, registered_at, updated_at, retired_at, version";

    private final DataSource dataSource;

    public Devices(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "Data source must not be null.");
    }

    /** Registers a new device. */
    public Device create(String actor, String tenant, DeviceDraft draft) {
        draft.checkNew();
        if (draft.status() == DeviceStatus.RETIRED) {
            throw new InvalidInputException("status", "A new device cannot be retired.");
        }
        return Transactions.forTenant(dataSource, tenant, c -> {
            checkReferences(c, tenant, draft);
            try (PreparedStatement st = c.prepareStatement("INSERT INTO device (tenant_id, id, gateway_id, kind,"
                    + " zone_id, site_id, latitude, longitude, vendor, profile, installed_on, status,"
                    + " firmware_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                st.setString(1, tenant);
                st.setString(2, draft.id());
                st.setString(3, draft.gateway());
                st.setString(4, draft.kind());
                st.setString(5, draft.zone());
                st.setString(6, draft.site());
                st.setDouble(7, draft.latitude());
                st.setDouble(8, draft.longitude());
                st.setString(9, draft.vendor());
                st.setString(10, draft.profile());
                st.setObject(11, draft.installedOn(), Types.DATE);
                st.setString(12, (draft.status() == null ? DeviceStatus.ACTIVE : draft.status()).code());
                st.setString(13, draft.firmwareVersion());
                if (st.executeUpdate() == 0) {
                    throw new ConflictException("A device " + draft.id() + " exists already.");
                }
            }
            AuditLog.record(c, tenant, actor, "device.create", draft.id(), null);
            return find(c, tenant, draft.id(), false).orElseThrow();
        });
    }

    /** The council's device of this id. */
    public Optional<Device> find(String tenant, String id) {
        return Transactions.forTenant(dataSource, tenant, c -> find(c, tenant, id, false));
    }

    /**
     * Changes the fields the draft sets.
     *
     * @param expectedVersion the version the change was made on, or {@code null} to change whatever is stored
     * @throws StaleVersionException when the device changed since that version
     */
    public Device update(String actor, String tenant, String id, DeviceDraft changes, Integer expectedVersion) {
        changes.checkChange();
        if (changes.id() != null && !changes.id().equals(id)) {
            throw new InvalidInputException("id", "A device's id cannot change.");
        }
        return Transactions.forTenant(dataSource, tenant, c -> {
            Device current = find(c, tenant, id, true).orElseThrow(() -> notFound(id));
            if (expectedVersion != null && expectedVersion != current.version()) {
                throw new StaleVersionException("Device " + id + " changed since version " + expectedVersion + " (now "
                        + current.version() + "): read it again.");
            }
            checkReferences(c, tenant, changes);
            Device next = merged(current, changes);
            try (PreparedStatement st = c.prepareStatement("UPDATE device SET gateway_id = ?, kind = ?, zone_id = ?,"
                    + " site_id = ?, latitude = ?, longitude = ?, vendor = ?, profile = ?, installed_on = ?,"
                    + " status = ?, firmware_version = ?, retired_at = ?, updated_at = now(),"
                    + " version = version + 1 WHERE tenant_id = ? AND id = ?")) {
                st.setString(1, next.gateway());
                st.setString(2, next.kind());
                st.setString(3, next.zone());
                st.setString(4, next.site());
                st.setDouble(5, next.latitude());
                st.setDouble(6, next.longitude());
                st.setString(7, next.vendor());
                st.setString(8, next.profile());
                st.setObject(9, next.installedOn(), Types.DATE);
                st.setString(10, next.status().code());
                st.setString(11, next.firmwareVersion());
                st.setTimestamp(12, next.retiredAt() == null ? null : Timestamp.from(next.retiredAt()));
                st.setString(13, tenant);
                st.setString(14, id);
                st.executeUpdate();
            }
            if (next.status() == DeviceStatus.RETIRED) {
                Credentials.revokeAll(c, Subject.device(tenant, id));
            }
            AuditLog.record(c, tenant, actor, "device.update", id, changedFields(current, next));
            return find(c, tenant, id, false).orElseThrow();
        });
    }

    /** Takes a device out of service: it keeps its history, and its readings are refused from now on. */
    public Device retire(String actor, String tenant, String id) {
        return Transactions.forTenant(dataSource, tenant, c -> {
            Device current = find(c, tenant, id, true).orElseThrow(() -> notFound(id));
            if (current.status() == DeviceStatus.RETIRED) {
                return current;
            }
            try (PreparedStatement st = c.prepareStatement("UPDATE device SET status = 'retired', retired_at = now(),"
                    + " updated_at = now(), version = version + 1 WHERE tenant_id = ? AND id = ?")) {
                st.setString(1, tenant);
                st.setString(2, id);
                st.executeUpdate();
            }
            Credentials.revokeAll(c, Subject.device(tenant, id));
            AuditLog.record(c, tenant, actor, "device.retire", id, null);
            return find(c, tenant, id, false).orElseThrow();
        });
    }

    /** One page of the council's devices that match. */
    public DevicePage search(String tenant, DeviceSearch search) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM device WHERE tenant_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(tenant);
        filter(sql, params, "kind = ?", search.kind());
        filter(sql, params, "gateway_id = ?", search.gateway());
        filter(sql, params, "zone_id = ?", search.zone());
        filter(
                sql,
                params,
                "status = ?",
                search.status() == null ? null : search.status().code());
        filter(sql, params, "starts_with(id, ?)", search.idPrefix());
        filter(sql, params, "id > ?", search.after());
        sql.append(" ORDER BY id LIMIT ?");
        params.add(search.limit() + 1);
        return Transactions.forTenant(dataSource, tenant, c -> {
            List<Device> devices = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    st.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        devices.add(device(rs));
                    }
                }
            }
            if (devices.size() <= search.limit()) {
                return new DevicePage(devices, null);
            }
            List<Device> page = devices.subList(0, search.limit());
            return new DevicePage(List.copyOf(page), page.get(page.size() - 1).id());
        });
    }

    private static void filter(StringBuilder sql, List<Object> params, String condition, String value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.add(value);
        }
    }

    private static void checkReferences(Connection c, String tenant, DeviceDraft draft) throws SQLException {
        exists(c, "gateway", "gateway", tenant, draft.gateway());
        exists(c, "zone", "zone", tenant, draft.zone());
        exists(c, "car_park", "site", tenant, draft.site());
    }

    private static void exists(Connection c, String table, String field, String tenant, String id) throws SQLException {
        if (id == null) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM " + table + " WHERE tenant_id = ? AND id = ?")) {
            st.setString(1, tenant);
            st.setString(2, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new InvalidInputException(field, "No " + field + " " + id + " is registered.");
                }
            }
        }
    }

    private static Device merged(Device d, DeviceDraft x) {
        DeviceStatus status = x.status() == null ? d.status() : x.status();
        Instant retiredAt =
                status == DeviceStatus.RETIRED ? (d.retiredAt() == null ? Instant.now() : d.retiredAt()) : null;
        return new Device(
                d.id(),
                or(x.gateway(), d.gateway()),
                or(x.kind(), d.kind()),
                or(x.zone(), d.zone()),
                or(x.site(), d.site()),
                or(x.latitude(), d.latitude()),
                or(x.longitude(), d.longitude()),
                or(x.vendor(), d.vendor()),
                or(x.profile(), d.profile()),
                or(x.installedOn(), d.installedOn()),
                status,
                or(x.firmwareVersion(), d.firmwareVersion()),
                d.registeredAt(),
                d.updatedAt(),
                retiredAt,
                d.version());
    }

    private static <T> T or(T value, T otherwise) {
        return value != null ? value : otherwise;
    }

    /** {@code {"fields":["status","firmwareVersion"]}}: which fields a change made different. */
    private static String changedFields(Device before, Device after) {
        StringJoiner fields = new StringJoiner("\",\"", "{\"fields\":[\"", "\"]}");
        fields.setEmptyValue("{\"fields\":[]}");
        String[] names = {
            "gateway",
            "kind",
            "zone",
            "site",
            "latitude",
            "longitude",
            "vendor",
            "profile",
            "installedOn",
            "status",
            "firmwareVersion"
        };
        Object[] was = {
            before.gateway(),
            before.kind(),
            before.zone(),
            before.site(),
            before.latitude(),
            before.longitude(),
            before.vendor(),
            before.profile(),
            before.installedOn(),
            before.status(),
            before.firmwareVersion()
        };
        Object[] is = {
            after.gateway(),
            after.kind(),
            after.zone(),
            after.site(),
            after.latitude(),
            after.longitude(),
            after.vendor(),
            after.profile(),
            after.installedOn(),
            after.status(),
            after.firmwareVersion()
        };
        for (int i = 0; i < names.length; i++) {
            if (!Objects.equals(was[i], is[i])) {
                fields.add(names[i]);
            }
        }
        return fields.toString();
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("No device " + id + " is registered.");
    }

    private static Optional<Device> find(Connection c, String tenant, String id, boolean forUpdate)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS
                + " FROM device WHERE tenant_id = ? AND id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            st.setString(1, tenant);
            st.setString(2, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(device(rs)) : Optional.empty();
            }
        }
    }

    static Device device(ResultSet rs) throws SQLException {
        Timestamp retired = rs.getTimestamp(15);
        return new Device(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getDouble(6),
                rs.getDouble(7),
                rs.getString(8),
                rs.getString(9),
                rs.getObject(10, java.time.LocalDate.class),
                DeviceStatus.fromCode(rs.getString(11)).orElseThrow(),
                rs.getString(12),
                rs.getTimestamp(13).toInstant(),
                rs.getTimestamp(14).toInstant(),
                retired == null ? null : retired.toInstant(),
                rs.getInt(16));
    }
}
