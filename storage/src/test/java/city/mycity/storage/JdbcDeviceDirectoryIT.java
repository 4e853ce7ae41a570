package city.mycity.storage;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.reading.DeviceInfo;
import city.mycity.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JdbcDeviceDirectoryIT {

    private static TestDatabase db;

    @BeforeAll
    static void registry() throws SQLException {
        db = TestDatabase.create().migrated();
        execute("INSERT INTO tenant (id, name) VALUES ('town-a', 'Town A'), ('town-b', 'Town B')");
        execute("INSERT INTO device (tenant_id, id, gateway_id, kind, zone_id, site_id, latitude, longitude) VALUES"
                + " ('town-a', 'cp001-b0001', 'gw-z-a1', 'parking-bay', 'z-a1', 'cp001', 55.95, -3.19),"
                + " ('town-a', 'bin-00001', 'gw-z-a1', 'bin', 'z-a1', NULL, 55.951, -3.191),"
                + " ('town-b', 'bin-00001', 'gw-z-b2', 'bin', 'z-b2', NULL, 43.73, 7.42)");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void finds_a_device_of_its_tenant_with_everything_the_registry_knows() {
        JdbcDeviceDirectory directory = JdbcDeviceDirectory.load(db.dataSource(), "town-a");

        assertThat(directory.size()).isEqualTo(2);
        assertThat(directory.find("town-a", "cp001-b0001"))
                .contains(new DeviceInfo(
                        "town-a", "cp001-b0001", "gw-z-a1", "parking-bay", "z-a1", "cp001", 55.95, -3.19));
        assertThat(directory.find("town-a", "bin-00001").orElseThrow().site()).isNull();
    }

    @Test
    void keeps_tenants_apart() {
        JdbcDeviceDirectory townA = JdbcDeviceDirectory.load(db.dataSource(), "town-a");
        JdbcDeviceDirectory all = JdbcDeviceDirectory.load(db.dataSource(), null);

        assertThat(townA.find("town-b", "bin-00001")).isEmpty();
        assertThat(all.find("town-a", "bin-00001")).isPresent();
        assertThat(all.find("town-b", "bin-00001").orElseThrow().zone()).isEqualTo("z-b2");
    }

    @Test
    void sees_a_new_device_after_refresh() throws SQLException {
        execute("INSERT INTO tenant (id, name) VALUES ('town-c', 'Town C')");
        JdbcDeviceDirectory directory = JdbcDeviceDirectory.load(db.dataSource(), "town-c");
        execute("INSERT INTO device (tenant_id, id, gateway_id, kind, zone_id, latitude, longitude)"
                + " VALUES ('town-c', 'tc-0001', 'gw-z-c3', 'traffic-counter', 'z-c3', 43.731, 7.421)");

        assertThat(directory.find("town-c", "tc-0001")).isEmpty();
        assertThat(directory.refresh()).isEqualTo(1);
        assertThat(directory.find("town-c", "tc-0001")).isPresent();
    }

    @Test
    void forgets_a_retired_device_so_that_its_readings_are_refused() throws SQLException {
        execute("INSERT INTO tenant (id, name) VALUES ('town-d', 'Town D')");
        execute("INSERT INTO device (tenant_id, id, gateway_id, kind, zone_id, latitude, longitude)"
                + " VALUES ('town-d', 'bin-old', 'gw-z-d1', 'bin', 'z-d1', 43.731, 7.421)");
        JdbcDeviceDirectory directory = JdbcDeviceDirectory.load(db.dataSource(), "town-d");
        assertThat(directory.find("town-d", "bin-old")).isPresent();

        execute("UPDATE device SET status = 'retired', retired_at = now() WHERE id = 'bin-old'");
        directory.refresh();

        assertThat(directory.find("town-d", "bin-old")).isEmpty();
    }

    @Test
    void loads_from_settings_alone_as_a_flink_operator_would() {
        DatabaseSettings settings = DatabaseSettings.of(db.jdbcUrl(), db.user(), db.password());

        JdbcDeviceDirectory directory = JdbcDeviceDirectory.load(settings, "town-a");

        assertThat(directory.find("town-a", "bin-00001")).isPresent();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
