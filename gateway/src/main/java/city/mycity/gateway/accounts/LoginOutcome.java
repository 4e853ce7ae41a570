package city.mycity.gateway.accounts;

import java.time.Instant;

/** What a login attempt came to. A wrong password and an unknown account are one outcome, so as not to tell. */
public sealed interface LoginOutcome {

    /** The password was right: here is who logged in. */
    record Accepted(Account account) implements LoginOutcome {}

    /** Wrong username or password (or an account without a password, or a disabled one). */
    record Refused() implements LoginOutcome {}

    /** Too many failures: no login, right or wrong, until then. */
    record LockedOut(Instant until) implements LoginOutcome {}
}
