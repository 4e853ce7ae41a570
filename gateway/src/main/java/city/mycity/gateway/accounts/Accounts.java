package city.mycity.gateway.accounts;

import city.mycity.gateway.audit.AuditLog;
import city.mycity.gateway.exception.ConflictException;
import city.mycity.gateway.exception.InvalidInputException;
import city.mycity.gateway.exception.NotFoundException;
import city.mycity.gateway.store.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The people who log in: accounts of a council with a role, Argon2id password hashes, and lockout after repeated
 * failures. Every change is written to the audit log in its own transaction.
 *
 * <p>By default, {@value #DEFAULT_MAX_FAILURES} failed logins in a row lock an account for 15 minutes.
 */
public final class Accounts {

    public static final int DEFAULT_MAX_FAILURES = 5;
    public static final Duration DEFAULT_LOCKOUT = Duration.ofMinutes(15);
    /** NIST SP 800-63B asks for at least 8; a council's staff get 12. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    private static final int MAX_PASSWORD_LENGTH = 256;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");
    private static final String COLUMNS =
            "username, tenant_id, role, display_name, locked_until, disabled_at, created_at FROM account";

    private final DataSource dataSource;
    private final PasswordHashes hashes;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    public Accounts(DataSource dataSource) {
        this(dataSource, PasswordHashes.owaspMinimum(), Clock.systemUTC(), DEFAULT_MAX_FAILURES, DEFAULT_LOCKOUT);
    }

    public Accounts(DataSource dataSource, PasswordHashes hashes, Clock clock, int maxFailures, Duration lockout) {
        this.dataSource = dataSource;
        this.hashes = hashes;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    /** Creates an account with this password. */
    public Account create(
            String actor, String tenant, String username, Role role, String displayName, String password) {
        checkUsername(username);
        checkPassword(username, password);
        String hash = hashes.hash(password);
        return Transactions.forTenant(dataSource, tenant, c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO account (username, tenant_id, role,"
                    + " display_name, password_hash) VALUES (?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING")) {
                st.setString(1, username);
                st.setString(2, tenant);
                st.setString(3, role.code());
                st.setString(4, displayName);
                st.setString(5, hash);
                if (st.executeUpdate() == 0) {
                    throw new ConflictException("An account named " + username + " exists already.");
                }
            }
            AuditLog.record(c, tenant, actor, "account.create", username, "{\"role\":\"" + role.code() + "\"}");
            return find(c, tenant, username).orElseThrow();
        });
    }

    /** Checks a password; counts failures and locks the account out after too many in a row. */
    public LoginOutcome login(String username, String password) {
        if (username == null || password == null || password.length() > MAX_PASSWORD_LENGTH) {
            return new LoginOutcome.Refused();
        }
        // The hash is checked outside any transaction, so that a flood of logins holds no connection and no lock
        // for the time Argon2 takes; the outcome is then written under the row's lock, on the hash that was checked.
        String[] seen = inTransaction(c -> {
            try (PreparedStatement st =
                    c.prepareStatement("SELECT password_hash, locked_until FROM account" + " WHERE username = ?")) {
                st.setString(1, username);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    Timestamp locked = rs.getTimestamp(2);
                    return new String[] {
                        rs.getString(1),
                        locked == null ? null : locked.toInstant().toString()
                    };
                }
            }
        });
        if (seen == null) {
            hashes.verifyNothing(password);
            return new LoginOutcome.Refused();
        }
        if (seen[1] != null && Instant.parse(seen[1]).isAfter(clock.instant())) {
            return new LoginOutcome.LockedOut(Instant.parse(seen[1]));
        }
        boolean right = hashes.verify(password, seen[0]);
        return inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT tenant_id, password_hash, failed_logins,"
                    + " locked_until, disabled_at FROM account WHERE username = ? FOR UPDATE")) {
                st.setString(1, username);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return new LoginOutcome.Refused();
                    }
                    // A password changed meanwhile: the one checked is not the account's any more.
                    return attempt(c, username, password, right && seen[0].equals(rs.getString(2)), rs);
                }
            }
        });
    }

    private LoginOutcome attempt(Connection c, String username, String password, boolean right, ResultSet row)
            throws SQLException {
        Instant now = clock.instant();
        String tenant = row.getString(1);
        Transactions.nameTenant(c, tenant);
        String hash = row.getString(2);
        Timestamp lockedUntil = row.getTimestamp(4);
        if (lockedUntil != null && lockedUntil.toInstant().isAfter(now)) {
            return new LoginOutcome.LockedOut(lockedUntil.toInstant());
        }
        if (right && row.getTimestamp(5) == null) {
            try (PreparedStatement st = c.prepareStatement("UPDATE account SET failed_logins = 0, locked_until = NULL"
                    + (hashes.needsRehash(hash) ? ", password_hash = ?" : "") + " WHERE username = ?")) {
                int i = 1;
                if (hashes.needsRehash(hash)) {
                    st.setString(i++, hashes.hash(password));
                }
                st.setString(i, username);
                st.executeUpdate();
            }
            AuditLog.record(c, tenant, username, "login", username, null);
            return new LoginOutcome.Accepted(find(c, tenant, username).orElseThrow());
        }
        int failures = row.getInt(3) + 1;
        Instant lockUntil = failures >= maxFailures ? now.plus(lockout) : null;
        try (PreparedStatement st =
                c.prepareStatement("UPDATE account SET failed_logins = ?, locked_until = ? WHERE username = ?")) {
            st.setInt(1, lockUntil == null ? failures : 0);
            st.setTimestamp(2, lockUntil == null ? null : Timestamp.from(lockUntil));
            st.setString(3, username);
            st.executeUpdate();
        }
        AuditLog.record(
                c,
                tenant,
                username,
                lockUntil == null ? "login.failed" : "login.locked",
                username,
                "{\"failures\":" + failures + "}");
        return lockUntil == null ? new LoginOutcome.Refused() : new LoginOutcome.LockedOut(lockUntil);
    }

    /** The council's account of this name. */
    public Optional<Account> find(String tenant, String username) {
        return Transactions.forTenant(dataSource, tenant, c -> find(c, tenant, username));
    }

    /** The account of this name, whatever its council (a name is unique on the platform). */
    public Optional<Account> byUsername(String username) {
        return Transactions.run(dataSource, c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " WHERE username = ?")) {
                st.setString(1, username);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(account(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The council's accounts, by name. */
    public List<Account> list(String tenant) {
        return Transactions.forTenant(dataSource, tenant, c -> {
            try (PreparedStatement st =
                    c.prepareStatement("SELECT " + COLUMNS + " WHERE tenant_id = ? ORDER BY username")) {
                st.setString(1, tenant);
                List<Account> accounts = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        accounts.add(account(rs));
                    }
                }
                return accounts;
            }
        });
    }

    /** Sets a new password, ends the lockout and logs the account out everywhere. */
    public void setPassword(String actor, String tenant, String username, String password) {
        checkPassword(username, password);
        String hash = hashes.hash(password);
        change(
                actor,
                tenant,
                username,
                "account.password",
                "password_hash = ?, failed_logins = 0, locked_until = NULL",
                hash);
    }

    /** Disables the account and logs it out everywhere. */
    public void disable(String actor, String tenant, String username) {
        change(actor, tenant, username, "account.disable", "disabled_at = now()", null);
    }

    private void change(String actor, String tenant, String username, String action, String set, String value) {
        Transactions.forTenant(dataSource, tenant, c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE account SET " + set + ", updated_at = now() WHERE tenant_id = ? AND username = ?")) {
                int i = 1;
                if (value != null) {
                    st.setString(i++, value);
                }
                st.setString(i++, tenant);
                st.setString(i, username);
                if (st.executeUpdate() == 0) {
                    throw new NotFoundException("No account named " + username + ".");
                }
            }
            try (PreparedStatement st = c.prepareStatement("DELETE FROM account_session WHERE username = ?")) {
                st.setString(1, username);
                st.executeUpdate();
            }
            AuditLog.record(c, tenant, actor, action, username, null);
            return null;
        });
    }

    private static Optional<Account> find(Connection c, String tenant, String username) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " WHERE tenant_id = ? AND username = ?")) {
            st.setString(1, tenant);
            st.setString(2, username);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(account(rs)) : Optional.empty();
            }
        }
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(
                rs.getString(1),
                rs.getString(2),
                Role.fromCode(rs.getString(3)).orElseThrow(),
                rs.getString(4),
                instant(rs.getTimestamp(5)),
                instant(rs.getTimestamp(6)),
                instant(rs.getTimestamp(7)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidInputException(
                    "username",
                    "A username is 2-64 characters of a-z, 0-9, '.', '_', '@' or '-', starting with a letter or"
                            + " digit.");
        }
    }

    static void checkPassword(String username, String password) {
        if (password == null
                || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH
                || password.length() > MAX_PASSWORD_LENGTH) {
            throw new InvalidInputException(
                    "password",
                    "A password is " + MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH + " characters long.");
        }
        if (password.equalsIgnoreCase(username)) {
            throw new InvalidInputException("password", "A password must not be the username.");
        }
    }

    private <T> T inTransaction(Transactions.Work<T> work) {
        return Transactions.run(dataSource, work);
    }
}
