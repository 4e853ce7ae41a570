package db.migration;

import city.mycity.reading.Quantity;
import city.mycity.reading.SensorKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 18: the kinds of sensor and their quantities, as the reading model defines them, in {@code
 * sensor_kind} and {@code sensor_kind_quantity}; then every device shown in the SensorThings entities (V17). When the
 * reading model's kinds change, a later migration runs this again (it replaces the quantities, and a quantity a kind has
 * gained gets its Datastreams).
 */
public class V18__Sensor_kinds extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM sensor_kind_quantity");
        }
        try (PreparedStatement kinds = c.prepareStatement("INSERT INTO sensor_kind (code, description) VALUES (?, ?)"
                        + " ON CONFLICT (code) DO UPDATE SET description = EXCLUDED.description");
                PreparedStatement quantities = c.prepareStatement(
                        "INSERT INTO sensor_kind_quantity"
                                + " (kind, quantity, unit, min, max, integral, optional, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (SensorKind kind : SensorKind.values()) {
                kinds.setString(1, kind.code());
                kinds.setString(2, kind.description());
                kinds.addBatch();
                int position = 0;
                for (Quantity q : kind.quantities()) {
                    addQuantity(quantities, kind, q, false, position++);
                }
                for (Quantity q : kind.optionalQuantities()) {
                    addQuantity(quantities, kind, q, true, position++);
                }
            }
            kinds.executeBatch();
            quantities.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("SELECT sta_show_device(d, NOT EXISTS (SELECT 1 FROM sta_thing t"
                    + " WHERE t.tenant_id = d.tenant_id AND t.device_id = d.id)) FROM device d");
        }
    }

    private static void addQuantity(PreparedStatement ps, SensorKind kind, Quantity q, boolean optional, int position)
            throws SQLException {
        ps.setString(1, kind.code());
        ps.setString(2, q.name());
        ps.setString(3, q.unit());
        ps.setDouble(4, q.min());
        ps.setDouble(5, q.max());
        ps.setBoolean(6, q.integral());
        ps.setBoolean(7, optional);
        ps.setInt(8, position);
        ps.addBatch();
    }
}
