package city.mycity.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseIT {

    @Test
    void starts_postgresql_17_with_the_requested_database_and_deletes_its_data_on_close() throws SQLException {
        Path folder;
        try (EmbeddedDatabase db =
                EmbeddedDatabase.builder().database("city_it").start()) {
            folder = db.workFolder();
            assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + db.port() + "/city_it");
            try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(
                            "SELECT current_database(), current_setting('server_version_num')")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("city_it");
                assertThat(rs.getInt(2)).isGreaterThanOrEqualTo(170_000);
            }
            assertThat(folder).isDirectory();
        }
        assertThat(Files.exists(folder)).isFalse();
    }

    @Test
    void keeps_its_data_and_port_across_a_restart() throws SQLException {
        try (EmbeddedDatabase db = EmbeddedDatabase.builder().durable(true).start()) {
            int port = db.port();
            try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (n int)");
                statement.execute("INSERT INTO kept VALUES (42)");
            }

            db.restart();

            assertThat(db.port()).isEqualTo(port);
            try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT n FROM kept")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void uses_a_free_port_when_the_requested_one_is_taken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                EmbeddedDatabase db =
                        EmbeddedDatabase.builder().port(taken.getLocalPort()).start()) {
            assertThat(db.port()).isNotEqualTo(taken.getLocalPort());
            try (Connection connection = db.dataSource().getConnection()) {
                assertThat(connection.isValid(5)).isTrue();
            }
        }
    }
}
