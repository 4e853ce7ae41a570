package city.mycity.gateway.accounts;

import city.mycity.gateway.store.Transactions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Logged-in sessions, kept in PostgreSQL so that any instance of a service can serve any request: the browser holds a
 * random 256-bit token, the database only its SHA-256. A session ends at logout, after {@code idle} without a request,
 * after {@code lifetime} in any case, and at once when its account is disabled or its password changed.
 *
 * <p>By default, 30 minutes idle and 12 hours at most.
 */
public final class Sessions {

    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);

    /** A new session: the token for the cookie and the CSRF token for the client, both shown this once. */
    public record Opened(String token, Principal principal, Instant expiresAt) {

        @Override
        public String toString() {
            return "Opened[*****, " + principal + ", " + expiresAt + "]";
        }
    }

    private static final Base64.Encoder TOKENS = Base64.getUrlEncoder().withoutPadding();

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration idle;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    public Sessions(DataSource dataSource) {
        this(dataSource, Clock.systemUTC(), DEFAULT_IDLE, DEFAULT_LIFETIME);
    }

    public Sessions(DataSource dataSource, Clock clock, Duration idle, Duration lifetime) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.idle = idle;
        this.lifetime = lifetime;
    }

    /** Opens a session for an account that has just logged in. */
    public Opened open(Account account) {
        String token = randomToken();
        String csrf = randomToken();
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        Transactions.run(dataSource, c -> {
            // Sessions over and done with go as new ones come, so the table holds about the live ones.
            try (PreparedStatement st =
                    c.prepareStatement("DELETE FROM account_session WHERE expires_at < ? OR last_seen < ?")) {
                st.setTimestamp(1, Timestamp.from(now));
                st.setTimestamp(2, Timestamp.from(now.minus(idle)));
                st.executeUpdate();
            }
            return null;
        });
        Transactions.run(dataSource, c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO account_session (token_hash, username,"
                    + " csrf_token, created_at, last_seen, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                st.setBytes(1, sha256(token));
                st.setString(2, account.username());
                st.setString(3, csrf);
                st.setTimestamp(4, Timestamp.from(now));
                st.setTimestamp(5, Timestamp.from(now));
                st.setTimestamp(6, Timestamp.from(expires));
                return st.executeUpdate();
            }
        });
        return new Opened(token, new Principal(account.username(), account.tenant(), account.role(), csrf), expires);
    }

    /** Who holds this token, when the session is still open; each use keeps it from going idle. */
    public Optional<Principal> find(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return Transactions.run(dataSource, c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE account_session s SET last_seen = ?"
                    + " FROM account a WHERE s.token_hash = ? AND a.username = s.username AND a.disabled_at IS NULL"
                    + " AND s.expires_at > ? AND s.last_seen > ?"
                    + " RETURNING a.username, a.tenant_id, a.role, s.csrf_token")) {
                st.setTimestamp(1, Timestamp.from(now));
                st.setBytes(2, sha256(token));
                st.setTimestamp(3, Timestamp.from(now));
                st.setTimestamp(4, Timestamp.from(now.minus(idle)));
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new Principal(
                                    rs.getString(1),
                                    rs.getString(2),
                                    Role.fromCode(rs.getString(3)).orElseThrow(),
                                    rs.getString(4)))
                            : Optional.empty();
                }
            }
        });
    }

    /** Ends the session of this token (logout); nothing happens for an unknown token. */
    public void close(String token) {
        if (token == null || token.length() > 100) {
            return;
        }
        Transactions.run(dataSource, c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "DELETE FROM account_session WHERE token_hash = ? OR expires_at < now() - interval '1 day'")) {
                st.setBytes(1, sha256(token));
                return st.executeUpdate();
            }
        });
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return TOKENS.encodeToString(bytes);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
