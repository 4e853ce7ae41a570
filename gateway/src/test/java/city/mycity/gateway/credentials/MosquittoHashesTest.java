package city.mycity.gateway.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MosquittoHashesTest {

    /** PBKDF2-HMAC-SHA512 of "secret" with the salt 00..0b and 101 iterations, as mosquitto_passwd writes it. */
    private static final String MOSQUITTO_FORMAT =
            "$7$101$AAECAwQFBgcICQoL$Xr99N9ym9ys8TWxis5ajETJq6EVYzmc6nb8t3pUYnPBbCAbICS4xejTltonXWCtJNBvA+By+TXUqU6qCblO00w==";

    @Test
    void reads_a_hash_in_mosquittos_format() {
        assertThat(MosquittoHashes.verify("secret", MOSQUITTO_FORMAT)).isTrue();
        assertThat(MosquittoHashes.verify("Secret", MOSQUITTO_FORMAT)).isFalse();
    }

    @Test
    void writes_a_salted_hash_that_verifies() {
        String first = MosquittoHashes.hash("a machine secret");
        String second = MosquittoHashes.hash("a machine secret");

        assertThat(first).startsWith("$7$1000$").isNotEqualTo(second);
        assertThat(MosquittoHashes.verify("a machine secret", first)).isTrue();
        assertThat(MosquittoHashes.verify("another secret", first)).isFalse();
    }

    @Test
    void refuses_anything_that_is_not_such_a_hash() {
        assertThat(MosquittoHashes.verify("secret", "secret")).isFalse();
        assertThat(MosquittoHashes.verify("secret", null)).isFalse();
        assertThat(MosquittoHashes.verify(null, MOSQUITTO_FORMAT)).isFalse();
        assertThat(MosquittoHashes.verify("secret", "$6$101$AAECAwQFBgcICQoL$xx"))
                .isFalse();
    }
}
