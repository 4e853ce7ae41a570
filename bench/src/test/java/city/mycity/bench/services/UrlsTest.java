package city.mycity.bench.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UrlsTest {

    @Test
    void names_another_database_on_the_same_server_keeping_hosts_and_parameters() {
        assertThat(Urls.withDatabase("jdbc:postgresql://db:5432/mycity?ssl=true", "scratch"))
                .isEqualTo("jdbc:postgresql://db:5432/scratch?ssl=true");
        assertThat(Urls.withDatabase("jdbc:postgresql://db1,db2:5433/mycity", "scratch"))
                .isEqualTo("jdbc:postgresql://db1,db2:5433/scratch");
        assertThat(Urls.withDatabase("jdbc:postgresql://localhost", "scratch"))
                .isEqualTo("jdbc:postgresql://localhost/scratch");
        assertThat(Urls.withDatabase("jdbc:postgresql:mycity", "scratch")).isEqualTo("jdbc:postgresql:scratch");
        assertThatThrownBy(() -> Urls.withDatabase("jdbc:mysql://db/x", "y"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knows_the_port_of_a_service_on_this_machine_only() {
        assertThat(Urls.localJdbcPort("jdbc:postgresql://127.0.0.1:45321/mycity"))
                .hasValue(45321);
        assertThat(Urls.localJdbcPort("jdbc:postgresql://localhost/mycity")).hasValue(5432);
        assertThat(Urls.localJdbcPort("jdbc:postgresql://db.example:5432/mycity"))
                .isEmpty();
        assertThat(Urls.localMqttPort("tcp://127.0.0.1:1884")).hasValue(1884);
        assertThat(Urls.localMqttPort("tcp://localhost")).hasValue(1883);
        assertThat(Urls.localMqttPort("ssl://broker.example:8883")).isEmpty();
    }
}
