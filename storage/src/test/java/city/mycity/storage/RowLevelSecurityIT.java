package city.mycity.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.mycity.storage.timeseries.ReadingPartitions;
import city.mycity.testkit.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Councils kept apart by the store itself: whatever a read service or the operators' API asks, under its own role it
 * sees and changes only the council its connection names, and nothing when it names none.
 */
class RowLevelSecurityIT {

    private static TestDatabase db;
    private static String reader;
    private static String registry;
    private static HikariDataSource readerPool;
    private static HikariDataSource registryPool;

    @BeforeAll
    static void twoCouncilsAndTwoRoles() throws SQLException {
        db = TestDatabase.create().migrated();
        execute("INSERT INTO tenant VALUES ('north', 'North'), ('south', 'South');"
                + "INSERT INTO device (tenant_id, id, gateway_id, kind, zone_id, latitude, longitude) VALUES"
                + " ('north', 'bin-n', 'g1', 'bin', 'z1', 52.5, -1.5), ('south', 'bin-s', 'g9', 'bin', 'z9', 50.5,"
                + " -1.5);"
                + "INSERT INTO reading (tenant_id, device_id, quantity, time, value, unit, received_at) VALUES"
                + " ('north', 'bin-n', 'fill', now(), 0.5, '/', now()), ('south', 'bin-s', 'fill', now(), 0.7, '/',"
                + " now());"
                + "INSERT INTO refusal (digest, record_index, topic, tenant_id, reason, reasons, details, excerpt,"
                + " received_at) VALUES ('\\x01', 0, 't', 'north', 'r', '{r}', '{d}', 'e', now()), ('\\x02', 0, 't',"
                + " 'south', 'r', '{r}', '{d}', 'e', now());"
                + "INSERT INTO refused_message (digest, topic, payload, received_at) VALUES ('\\x01', 't', '\\x00',"
                + " now()), ('\\x02', 't', '\\x00', now())");
        reader = db.roleName("mycity_rls_reader");
        registry = db.roleName("mycity_rls_registry");
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        DatabaseRoles.create(db.dataSource(), DatabaseRoles.Kind.READER, reader, password);
        DatabaseRoles.create(db.dataSource(), DatabaseRoles.Kind.REGISTRY, registry, password);
        readerPool = Database.pool(
                DatabaseSettings.of(db.jdbcUrl(), reader, password).withPoolSize(2), "rls-reader");
        registryPool = Database.pool(
                DatabaseSettings.of(db.jdbcUrl(), registry, password).withPoolSize(2), "rls-registry");
    }

    @AfterAll
    static void dropRolesAndDatabase() throws SQLException {
        readerPool.close();
        registryPool.close();
        db.close();
    }

    @Test
    void every_table_that_holds_a_councils_rows_keeps_councils_apart_new_partitions_too() throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            ReadingPartitions.ensureWeeks(
                    c, Instant.now().plus(70, ChronoUnit.DAYS), Instant.now().plus(77, ChronoUnit.DAYS));
        }

        List<String> open = column("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped"
                + " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'account'"
                + " AND NOT (c.relrowsecurity AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid))");
        List<String> guarded = column("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = 'public' AND c.relrowsecurity AND c.relname LIKE 'reading_w%'");

        assertThat(open)
                .as("tables with a council's rows and no row-level security")
                .isEmpty();
        assertThat(Integer.parseInt(guarded.get(0))).isPositive();
    }

    @Test
    void a_read_service_sees_only_the_council_its_connection_names() throws SQLException {
        for (String table : List.of("tenant", "device", "reading", "refusal", "refused_message")) {
            assertThat(count(readerPool, "north", table))
                    .as(table + " for north")
                    .isEqualTo(1);
            assertThat(count(readerPool, null, table))
                    .as(table + " for no council")
                    .isZero();
        }
        assertThat(text(readerPool, "north", "SELECT string_agg(id, ',') FROM device"))
                .isEqualTo("bin-n");
    }

    @Test
    void the_operators_role_changes_only_its_own_councils_rows() throws SQLException {
        try (Connection c = registryPool.getConnection()) {
            c.setAutoCommit(false);
            name(c, "north");
            try (Statement st = c.createStatement()) {
                assertThat(st.executeUpdate("UPDATE device SET firmware_version = 'x'"))
                        .isEqualTo(1);
                assertThat(st.executeUpdate("UPDATE device SET firmware_version = 'y' WHERE id = 'bin-s'"))
                        .isZero();
            }
            c.rollback();
        }
        try (Connection c = registryPool.getConnection()) {
            c.setAutoCommit(false);
            name(c, "north");
            try (Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.execute("INSERT INTO device (tenant_id, id, gateway_id, kind, zone_id,"
                                + " latitude, longitude) VALUES ('south', 'forged', 'g9', 'bin', 'z9', 50, -1)"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("row-level security");
            }
            c.rollback();
        }
    }

    @Test
    void the_roles_have_no_more_rights_than_their_work_needs() {
        assertThatThrownBy(() -> count(readerPool, "north", "account"))
                .as("the public side reads no password hash")
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> count(readerPool, "north", "credential")).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> text(registryPool, "north", "DELETE FROM audit_log RETURNING 1"))
                .as("the audit log only grows")
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> text(registryPool, "north", "DELETE FROM device RETURNING 1"))
                .hasMessageContaining("permission denied");
    }

    @Test
    void the_owner_that_works_for_every_council_sees_them_all() throws SQLException {
        assertThat(count(db.dataSource(), null, "device")).isEqualTo(2);
    }

    private static void name(Connection c, String tenant) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT set_config('mycity.tenant', ?, true)")) {
            st.setString(1, tenant);
            st.execute();
        }
    }

    private static int count(javax.sql.DataSource pool, String tenant, String table) throws SQLException {
        return Integer.parseInt(text(pool, tenant, "SELECT count(*) FROM " + table));
    }

    private static String text(javax.sql.DataSource pool, String tenant, String sql) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            if (tenant != null) {
                name(c, tenant);
            }
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                String value = rs.getString(1);
                c.rollback();
                return value;
            }
        }
    }

    private static void execute(String sql) throws SQLException {
        db.execute(sql);
    }

    private static List<String> column(String sql) throws SQLException {
        return db.column(sql);
    }
}
