package city.mycity.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TestDatabaseIT {

    /** The embedded server always; the real one too when MYCITY_IT_JDBC_URL is set. */
    static Stream<Named<Supplier<TestDatabase>>> servers() {
        Stream<Named<Supplier<TestDatabase>>> embedded = Stream.of(Named.of("embedded", TestDatabase::embedded));
        String url = System.getenv(TestDatabase.JDBC_URL);
        if (url == null || url.isBlank()) {
            return embedded;
        }
        Supplier<TestDatabase> real = () ->
                TestDatabase.onServer(url, System.getenv(TestDatabase.USER), System.getenv(TestDatabase.PASSWORD));
        return Stream.concat(embedded, Stream.of(Named.of("real", real)));
    }

    @ParameterizedTest
    @MethodSource("servers")
    void creates_a_fresh_database_and_drops_it_on_close(Supplier<TestDatabase> server) throws SQLException {
        TestDatabase closed;
        try (TestDatabase db = server.get()) {
            closed = db;
            String name = db.name();
            String url = db.jdbcUrl();
            assertThat(name).matches("mycity_it_[0-9a-f]{8}");
            assertThat(url).contains("/" + name);
            try (Connection c = db.dataSource().getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT current_database()")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(name);
            }
        }
        assertThat(databaseExists(closed.jdbcUrl(), closed.user(), closed.password()))
                .isFalse();
    }

    @ParameterizedTest
    @MethodSource("servers")
    void applies_the_migrations_on_the_class_path(Supplier<TestDatabase> server) throws SQLException {
        try (TestDatabase db = server.get().migrated();
                Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO probe VALUES (1, 'migrated')");
            try (ResultSet rs = s.executeQuery("SELECT note FROM probe")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("migrated");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void gives_every_test_database_its_own_name(Supplier<TestDatabase> server) {
        try (TestDatabase first = server.get();
                TestDatabase second = server.get()) {
            assertThat(first.name()).isNotEqualTo(second.name());
        }
    }

    @Test
    void uses_the_real_server_exactly_when_the_environment_names_one() {
        boolean configured = System.getenv(TestDatabase.JDBC_URL) != null;
        try (TestDatabase db = TestDatabase.create()) {
            assertThat(db.isReal()).isEqualTo(configured);
        }
    }

    @Test
    void has_no_postgis_on_the_embedded_server() {
        try (TestDatabase db = TestDatabase.embedded()) {
            assertThat(db.hasPostgis()).isFalse();
        }
    }

    /** Whether a connection to the database can still be made (SQL state 3D000: database does not exist). */
    private static boolean databaseExists(String url, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            return c.isValid(5);
        } catch (SQLException e) {
            if ("3D000".equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }
}
