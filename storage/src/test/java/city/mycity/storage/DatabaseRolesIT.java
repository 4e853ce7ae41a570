package city.mycity.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.mycity.testkit.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatabaseRolesIT {

    private TestDatabase db;
    private String role;
    private HikariDataSource reader;

    @BeforeEach
    void readerOnAMigratedDatabase() {
        db = TestDatabase.create().migrated();
        // Roles belong to the whole server: a name of this run's own.
        role = db.roleName("mycity_reader_it");
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        DatabaseRoles.create(db.dataSource(), DatabaseRoles.Kind.READER, role, password);
        reader = Database.pool(DatabaseSettings.of(db.jdbcUrl(), role, password).withPoolSize(2), "reader-it");
    }

    @AfterEach
    void dropRoleAndDatabase() throws SQLException {
        reader.close();
        db.close();
    }

    @Test
    void reads_every_table_of_the_schema() throws SQLException {
        try (Connection c = reader.getConnection();
                Statement st = c.createStatement()) {
            for (String table : new String[] {"tenant", "device", "reading", "sensor_state", "alert", "refusal"}) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                    assertThat(rs.next()).as(table).isTrue();
                }
            }
        }
    }

    @Test
    void changes_no_row_and_no_table() throws SQLException {
        try (Connection c = reader.getConnection();
                Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("INSERT INTO tenant (id, name) VALUES ('x', 'X')"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> st.execute("DELETE FROM reading"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> st.execute("DROP TABLE alert"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("must be owner");
        }
    }

    @Test
    void reads_a_table_the_owner_creates_later() throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE later_table (id integer)");
        }

        try (Connection c = reader.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM later_table")) {
            assertThat(rs.next()).isTrue();
        }
    }

    @Test
    void may_check_that_the_schema_is_current() {
        assertThatCode(() -> Migrations.requireCurrent(reader)).doesNotThrowAnyException();
    }

    @Test
    void refuses_a_role_name_that_is_not_a_plain_identifier() {
        assertThatThrownBy(
                        () -> DatabaseRoles.grant(db.dataSource(), DatabaseRoles.Kind.READER, "x; DROP TABLE reading"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Database role name");
        assertThatThrownBy(
                        () -> DatabaseRoles.grant(db.dataSource(), DatabaseRoles.Kind.READER, "nobody_has_this_name"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No database role");
    }
}
