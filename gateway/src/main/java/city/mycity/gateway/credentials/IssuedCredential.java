package city.mycity.gateway.credentials;

/**
 * A credential just made: its secret is here this once and nowhere else (the registry keeps a hash of a password, and
 * a PSK only for the handshake).
 *
 * @param id the credential's number, to revoke it
 * @param secret the password, or the PSK as hexadecimal
 */
public record IssuedCredential(long id, Subject subject, CredentialKind kind, String identity, String secret) {

    @Override
    public String toString() {
        return "IssuedCredential[" + id + ", " + kind.code() + ", " + identity + ", *****]";
    }
}
