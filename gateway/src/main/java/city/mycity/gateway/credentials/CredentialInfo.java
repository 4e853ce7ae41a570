package city.mycity.gateway.credentials;

import java.time.Instant;

/** A credential as operators list it: never its secret. */
public record CredentialInfo(
        long id,
        Subject subject,
        CredentialKind kind,
        String identity,
        String createdBy,
        Instant createdAt,
        Instant revokedAt) {}
