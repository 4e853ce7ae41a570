package city.mycity.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MigrateCommandIT {

    private TestDatabase db;
    private String role;

    @BeforeEach
    void emptyDatabaseAndARole() throws SQLException {
        db = TestDatabase.create();
        role = db.roleName("mycity_geo_it");
        execute("CREATE ROLE " + role + " NOLOGIN");
        System.setProperty("mycity.jdbc.url", db.jdbcUrl());
        setOrClear("mycity.db.user", db.user());
        setOrClear("mycity.db.password", db.password());
    }

    @AfterEach
    void dropRoleAndDatabase() throws SQLException {
        System.clearProperty("mycity.jdbc.url");
        System.clearProperty("mycity.db.user");
        System.clearProperty("mycity.db.password");
        db.close();
    }

    @Test
    void migrates_then_lets_the_named_role_read_and_not_write() throws SQLException {
        String[] run = CommandRun.run("migrate", "--grant-read-to", role);

        assertThat(run[0]).as(run[2]).isEqualTo("0");
        assertThat(run[1]).contains("migration(s) applied now").contains("Role " + role + " may read");
        assertThat(privilege("reading", "SELECT")).isTrue();
        assertThat(privilege("device", "SELECT")).isTrue();
        assertThat(privilege("reading", "INSERT")).isFalse();
        assertThat(privilege("device", "UPDATE")).isFalse();
    }

    @Test
    void a_role_that_does_not_exist_is_a_clear_error() {
        String[] run = CommandRun.run("migrate", "--grant-read-to", "no_such_role_here");

        assertThat(run[0]).isEqualTo("1");
        assertThat(run[2]).contains("No database role is named no_such_role_here");
    }

    private boolean privilege(String table, String privilege) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement st = c.prepareStatement("SELECT has_table_privilege(?, ?, ?)")) {
            st.setString(1, role);
            st.setString(2, table);
            st.setString(3, privilege);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static void setOrClear(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
