package city.mycity.gateway.provisioning;

import city.mycity.gateway.audit.AuditLog;
import city.mycity.gateway.credentials.Credentials;
import city.mycity.gateway.credentials.Subject;
import city.mycity.gateway.exception.InvalidInputException;
import city.mycity.gateway.registry.DeviceDraft;
import city.mycity.gateway.store.Transactions;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Bulk provisioning: a council's devices from a CSV file ({@link DeviceColumns}), row by row. A bad row is refused
 * with its line and reason and the good rows are still imported; importing the same file again changes nothing (each
 * row is an upsert that writes only when a value differs). Rows are written in batches of {@value #BATCH} rows, each
 * in one transaction with the audit entries of the devices it created or changed, and the progress is told after each.
 */
public final class DeviceImport {

    static final int BATCH = 1000;

    private static final String UPSERT = "INSERT INTO device AS d (tenant_id, id, gateway_id, kind, zone_id, site_id,"
            + " latitude, longitude, vendor, profile, installed_on, status, firmware_version, retired_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CASE WHEN ? = 'retired' THEN now() END)"
            + " ON CONFLICT (tenant_id, id) DO UPDATE SET gateway_id = EXCLUDED.gateway_id, kind = EXCLUDED.kind,"
            + " zone_id = EXCLUDED.zone_id, site_id = EXCLUDED.site_id, latitude = EXCLUDED.latitude,"
            + " longitude = EXCLUDED.longitude, vendor = EXCLUDED.vendor, profile = EXCLUDED.profile,"
            + " installed_on = EXCLUDED.installed_on, status = EXCLUDED.status,"
            + " firmware_version = EXCLUDED.firmware_version,"
            + " retired_at = CASE WHEN EXCLUDED.status = 'retired' THEN coalesce(d.retired_at, now()) END,"
            + " updated_at = now(), version = d.version + 1"
            + " WHERE (d.gateway_id, d.kind, d.zone_id, d.site_id, d.latitude, d.longitude, d.vendor, d.profile,"
            + " d.installed_on, d.status, d.firmware_version) IS DISTINCT FROM (EXCLUDED.gateway_id, EXCLUDED.kind,"
            + " EXCLUDED.zone_id, EXCLUDED.site_id, EXCLUDED.latitude, EXCLUDED.longitude, EXCLUDED.vendor,"
            + " EXCLUDED.profile, EXCLUDED.installed_on, EXCLUDED.status, EXCLUDED.firmware_version)"
            + " RETURNING (xmax = 0)";

    private final DataSource dataSource;

    public DeviceImport(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "Data source must not be null.");
    }

    /**
     * Imports the file for one council.
     *
     * @throws InvalidInputException when the file as a whole cannot be read (not CSV, a header without a required
     *     column): nothing is imported then
     */
    public ImportReport importCsv(String actor, String tenant, Reader csv, String source, ImportProgress progress) {
        List<CsvRows.Row> rows;
        try {
            rows = new CsvRows(csv).readAll();
        } catch (CsvRows.CsvException e) {
            throw new InvalidInputException(null, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException(null, "The file is empty: it needs a header and rows.");
        }
        DeviceColumns columns = DeviceColumns.of(rows.get(0).fields());
        List<CsvRows.Row> data = rows.subList(1, rows.size());
        References known = Transactions.forTenant(dataSource, tenant, c -> References.of(c, tenant));
        List<RowProblem> refused = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        int[] counts = new int[3]; // created, updated, unchanged
        List<Checked> batch = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            CsvRows.Row row = data.get(i);
            try {
                DeviceDraft draft = known.check(columns.draft(row.fields()));
                Integer earlier = firstLine.putIfAbsent(draft.id(), row.line());
                if (earlier != null) {
                    throw new InvalidInputException(
                            "id", "Device " + draft.id() + " is in the file twice (first on line " + earlier + ").");
                }
                batch.add(new Checked(row.line(), draft));
            } catch (InvalidInputException e) {
                refused.add(new RowProblem(row.line(), column(e.field()), e.getMessage()));
            }
            if (batch.size() == BATCH || i == data.size() - 1) {
                write(actor, tenant, source, batch, counts);
                batch.clear();
                progress.rows(i + 1, data.size());
            }
        }
        ImportReport report = new ImportReport(data.size(), counts[0], counts[1], counts[2], refused);
        return report;
    }

    private record Checked(int line, DeviceDraft draft) {}

    /**
     * Writes a batch in one transaction, with an audit entry per device created or changed ("device.import", and its
     * line in the file) and the credentials of each device it retires revoked, as a retirement through the API does.
     */
    private void write(String actor, String tenant, String source, List<Checked> batch, int[] counts) {
        if (batch.isEmpty()) {
            return;
        }
        Transactions.forTenant(dataSource, tenant, c -> {
            List<String> changed = new ArrayList<>();
            List<String> details = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(UPSERT)) {
                for (Checked row : batch) {
                    bind(st, tenant, row.draft());
                    try (ResultSet rs = st.executeQuery()) {
                        if (!rs.next()) {
                            counts[2]++;
                            continue;
                        }
                        boolean created = rs.getBoolean(1);
                        counts[created ? 0 : 1]++;
                        changed.add(row.draft().id());
                        details.add("{\"line\":" + row.line() + ",\"created\":" + created + "}");
                    }
                    if (row.draft().status() == city.mycity.gateway.registry.DeviceStatus.RETIRED) {
                        Credentials.revokeAll(
                                c, Subject.device(tenant, row.draft().id()));
                    }
                }
            }
            if (!changed.isEmpty()) {
                AuditLog.recordAll(c, tenant, actor + " (" + source + ")", "device.import", changed, details);
            }
            return null;
        });
    }

    private static void bind(PreparedStatement st, String tenant, DeviceDraft d) throws SQLException {
        st.setString(1, tenant);
        st.setString(2, d.id());
        st.setString(3, d.gateway());
        st.setString(4, d.kind());
        st.setString(5, d.zone());
        st.setString(6, d.site());
        st.setDouble(7, d.latitude());
        st.setDouble(8, d.longitude());
        st.setString(9, d.vendor());
        st.setString(10, d.profile());
        st.setObject(11, d.installedOn(), Types.DATE);
        st.setString(12, d.status().code());
        st.setString(13, d.firmwareVersion());
        st.setString(14, d.status().code());
    }

    /** The CSV column of a field the registry names in the API's way. */
    private static String column(String field) {
        if (field == null) {
            return null;
        }
        return switch (field) {
            case "installedOn" -> "installed_on";
            case "firmwareVersion" -> "firmware_version";
            default -> field;
        };
    }

    /** The council's gateways, zones and car parks, read once per import. */
    private record References(Set<String> gateways, Set<String> zones, Set<String> sites) {

        static References of(Connection c, String tenant) throws SQLException {
            return new References(ids(c, "gateway", tenant), ids(c, "zone", tenant), ids(c, "car_park", tenant));
        }

        DeviceDraft check(DeviceDraft d) {
            if (!gateways.contains(d.gateway())) {
                throw new InvalidInputException("gateway", "No gateway " + d.gateway() + " is registered.");
            }
            if (!zones.contains(d.zone())) {
                throw new InvalidInputException("zone", "No zone " + d.zone() + " is registered.");
            }
            if (d.site() != null && !sites.contains(d.site())) {
                throw new InvalidInputException("site", "No car park " + d.site() + " is registered.");
            }
            return d;
        }

        private static Set<String> ids(Connection c, String table, String tenant) throws SQLException {
            Set<String> ids = new HashSet<>();
            try (PreparedStatement st = c.prepareStatement("SELECT id FROM " + table + " WHERE tenant_id = ?")) {
                st.setString(1, tenant);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        }
    }
}
