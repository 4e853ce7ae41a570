package city.mycity.gateway.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.mycity.gateway.exception.InvalidInputException;
import city.mycity.gateway.exception.NotFoundException;
import city.mycity.gateway.registry.Devices;
import city.mycity.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CredentialsIT {

    private static TestDatabase db;
    private static Credentials credentials;

    @BeforeAll
    static void aCouncil() throws SQLException {
        db = TestDatabase.create().migrated();
        credentials = new Credentials(db.dataSource());
        execute("INSERT INTO tenant VALUES ('north', 'North'), ('south', 'South'); INSERT INTO gateway (tenant_id, id,"
                + " zone_id, latitude, longitude) VALUES ('north', 'g1', 'z1', 52.5, -1.5); INSERT INTO device"
                + " (tenant_id, id, gateway_id, kind, zone_id, latitude, longitude) VALUES ('north', 'bin-1', 'g1',"
                + " 'bin', 'z1', 52.5, -1.5), ('north', 'bin-2', 'g1', 'bin', 'z1', 52.5, -1.5)");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void a_password_is_shown_once_and_kept_only_as_a_hash() throws SQLException {
        IssuedCredential issued =
                credentials.issue("ana", Subject.gateway("north", "g1"), CredentialKind.MQTT_PASSWORD);

        assertThat(issued.identity()).isEqualTo("gw~north~g1");
        assertThat(issued.secret()).hasSize(24);
        assertThat(issued.toString()).doesNotContain(issued.secret());
        assertThat(text("SELECT secret_hash FROM credential WHERE id = " + issued.id()))
                .startsWith("$7$")
                .doesNotContain(issued.secret());
        assertThat(credentials.checkPassword("gw~north~g1", issued.secret())).contains(Subject.gateway("north", "g1"));
        assertThat(credentials.checkPassword("gw~north~g1", "wrong")).isEmpty();
    }

    @Test
    void issuing_again_rotates_revoking_the_old_secret() {
        Subject bin = Subject.device("north", "bin-1");
        IssuedCredential old = credentials.issue("ana", bin, CredentialKind.MQTT_PASSWORD);
        long generation = credentials.generation();

        IssuedCredential fresh = credentials.issue("ana", bin, CredentialKind.MQTT_PASSWORD);

        assertThat(credentials.checkPassword(bin.identity(), old.secret())).isEmpty();
        assertThat(credentials.checkPassword(bin.identity(), fresh.secret())).contains(bin);
        assertThat(credentials.generation()).isGreaterThan(generation);
        assertThat(credentials.list(bin))
                .extracting(CredentialInfo::id, c -> c.revokedAt() != null)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(fresh.id(), false),
                        org.assertj.core.groups.Tuple.tuple(old.id(), true));
    }

    @Test
    void a_dtls_key_is_typeable_and_is_what_the_gateways_keys_file_holds() {
        IssuedCredential psk = credentials.issue("ana", Subject.device("north", "bin-2"), CredentialKind.DTLS_PSK);

        assertThat(psk.secret()).matches("[A-Za-z0-9]{24}");
        assertThat(psk.identity()).isEqualTo("dev~north~bin-2");
        assertThat(credentials.deviceKeys("north", "g1")).containsKey("bin-2");
        assertThat(new String(credentials.deviceKeys("north", "g1").get("bin-2"), StandardCharsets.US_ASCII))
                .isEqualTo(psk.secret());
        assertThat(credentials.deviceKeys("north", "another-gateway")).isEmpty();
        assertThat(credentials.deviceKeys("south", null)).isEmpty();
    }

    @Test
    void only_a_registered_subject_of_that_council_gets_a_credential() {
        assertThatThrownBy(() -> credentials.issue("ana", Subject.gateway("south", "g1"), CredentialKind.MQTT_PASSWORD))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> credentials.revoke("ana", "south", 1)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void retiring_a_device_revokes_its_credentials_and_refuses_new_ones() throws SQLException {
        execute("INSERT INTO device (tenant_id, id, gateway_id, kind, zone_id, latitude, longitude) VALUES ('north',"
                + " 'bin-9', 'g1', 'bin', 'z1', 52.5, -1.5)");
        Subject bin = Subject.device("north", "bin-9");
        IssuedCredential issued = credentials.issue("ana", bin, CredentialKind.MQTT_PASSWORD);

        new Devices(db.dataSource()).retire("ana", "north", "bin-9");

        assertThat(credentials.checkPassword(bin.identity(), issued.secret())).isEmpty();
        assertThatThrownBy(() -> credentials.issue("ana", bin, CredentialKind.MQTT_PASSWORD))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("retired");
    }

    private static void execute(String sql) throws SQLException {
        db.execute(sql);
    }

    private static String text(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
