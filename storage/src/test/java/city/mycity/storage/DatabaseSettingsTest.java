package city.mycity.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import city.mycity.settings.Settings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    private static final Settings GIVEN = Settings.of(Map.of(
            "mycity.jdbc.url", "jdbc:postgresql://db:5432/mycity",
            "mycity.db.user", "city",
            "mycity.db.password", "hunter2"));

    @Test
    void reads_url_user_password_and_the_default_pool_size() {
        DatabaseSettings settings = DatabaseSettings.from(GIVEN);

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/mycity");
        assertThat(settings.user()).isEqualTo("city");
        assertThat(settings.password()).isEqualTo("hunter2");
        assertThat(settings.poolSize()).isEqualTo(8);
    }

    @Test
    void never_prints_the_password() {
        assertThat(DatabaseSettings.from(GIVEN).toString())
                .doesNotContain("hunter2")
                .contains("*****");
        assertThat(GIVEN.describe(DatabaseSettings.ALL))
                .doesNotContain("hunter2")
                .contains("mycity.db.password = *****", "mycity.db.pool-size = 8");
    }

    @Test
    void says_which_variable_to_set_when_the_url_is_missing() {
        assertThatThrownBy(() -> DatabaseSettings.from(Settings.of(Map.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MYCITY_JDBC_URL");
    }

    @Test
    void rejects_a_url_of_another_database() {
        assertThatThrownBy(() -> DatabaseSettings.of("jdbc:mysql://db/mycity", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql:");
    }

    @Test
    void survives_java_serialization_as_a_flink_operator_field() throws Exception {
        DatabaseSettings settings = DatabaseSettings.from(GIVEN).withPoolSize(2);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(settings);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(settings);
        }
    }

    @Test
    void a_connection_to_a_server_that_never_answers_fails_within_its_timeouts() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            DatabaseSettings settings = DatabaseSettings.of(
                            "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/mycity", "city", null)
                    .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1));

            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> settings.open("test"))
                    .isInstanceOf(SQLException.class));
        }
    }

    @Test
    void gives_every_connection_its_timeouts_and_keep_alive() {
        Properties properties = DatabaseSettings.from(GIVEN).connectionProperties("test");

        assertThat(properties)
                .containsEntry("connectTimeout", "10")
                .containsEntry("socketTimeout", "60")
                .containsEntry("tcpKeepAlive", "true")
                .containsEntry("ApplicationName", "test");
    }
}
