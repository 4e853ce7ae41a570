package city.mycity.gateway.accounts;

import java.time.Instant;

/**
 * A person's account, as an administrator sees it (never its password hash).
 *
 * @param lockedUntil until when logins are refused after repeated failures, or {@code null}
 * @param disabledAt when an administrator disabled it, or {@code null}
 */
public record Account(
        String username,
        String tenant,
        Role role,
        String displayName,
        Instant lockedUntil,
        Instant disabledAt,
        Instant createdAt) {}
