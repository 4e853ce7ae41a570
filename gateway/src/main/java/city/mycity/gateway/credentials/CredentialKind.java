package city.mycity.gateway.credentials;

import java.util.Arrays;
import java.util.Optional;

/** What a credential is for. */
public enum CredentialKind {
    /** An MQTT username and password: the broker keeps only a salted hash of the password. */
    MQTT_PASSWORD("mqtt-password"),
    /** A DTLS 1.2 pre-shared key and its identity: the edge agent and direct CoAP ingress need the key itself. */
    DTLS_PSK("dtls-psk");

    private final String code;

    CredentialKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<CredentialKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
