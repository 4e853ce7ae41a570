package city.mycity.gateway.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.mycity.gateway.exception.ConflictException;
import city.mycity.gateway.exception.InvalidInputException;
import city.mycity.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountsIT {

    private static final String PASSWORD = "correct horse battery";

    private static TestDatabase db;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-30T09:00:00Z"));
    private Accounts accounts;
    private Sessions sessions;

    @BeforeAll
    static void database() throws SQLException {
        db = TestDatabase.create().migrated();
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO tenant (id, name) VALUES ('north', 'North'), ('south', 'South')");
        }
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void freshAccounts() throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement()) {
            st.execute("DELETE FROM account_session; DELETE FROM account; DELETE FROM audit_log");
        }
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        accounts = new Accounts(db.dataSource(), PasswordHashes.owaspMinimum(), clock, 3, Duration.ofMinutes(15));
        sessions = new Sessions(db.dataSource(), clock, Duration.ofMinutes(30), Duration.ofHours(12));
    }

    @Test
    void logs_in_with_the_right_password_and_not_with_a_wrong_one() {
        accounts.create("setup", "north", "ana", Role.OPERATOR, "Ana", PASSWORD);

        assertThat(accounts.login("ana", PASSWORD)).isInstanceOf(LoginOutcome.Accepted.class);
        assertThat(accounts.login("ana", PASSWORD + "!")).isInstanceOf(LoginOutcome.Refused.class);
        assertThat(accounts.login("nobody", PASSWORD)).isInstanceOf(LoginOutcome.Refused.class);
    }

    @Test
    void keeps_only_a_salted_argon2id_hash_of_the_password() throws SQLException {
        accounts.create("setup", "north", "ana", Role.OPERATOR, null, PASSWORD);
        accounts.create("setup", "north", "ben", Role.OPERATOR, null, PASSWORD);

        List<String> hashes = column("SELECT password_hash FROM account ORDER BY username");
        assertThat(hashes).allSatisfy(h -> assertThat(h)
                .startsWith("$argon2id$v=19$m=19456,t=2,p=1$")
                .doesNotContain(PASSWORD));
        assertThat(hashes.get(0)).isNotEqualTo(hashes.get(1));
    }

    @Test
    void locks_an_account_out_after_repeated_failures_even_for_the_right_password() {
        accounts.create("setup", "north", "ana", Role.OPERATOR, null, PASSWORD);

        accounts.login("ana", "wrong password 1");
        accounts.login("ana", "wrong password 2");
        LoginOutcome third = accounts.login("ana", "wrong password 3");

        assertThat(third).isEqualTo(new LoginOutcome.LockedOut(now.get().plus(Duration.ofMinutes(15))));
        assertThat(accounts.login("ana", PASSWORD)).isInstanceOf(LoginOutcome.LockedOut.class);
        now.set(now.get().plus(Duration.ofMinutes(16)));
        assertThat(accounts.login("ana", PASSWORD)).isInstanceOf(LoginOutcome.Accepted.class);
    }

    @Test
    void a_success_resets_the_count_of_failures() {
        accounts.create("setup", "north", "ana", Role.OPERATOR, null, PASSWORD);

        accounts.login("ana", "wrong password 1");
        accounts.login("ana", "wrong password 2");
        accounts.login("ana", PASSWORD);
        accounts.login("ana", "wrong password 3");

        assertThat(accounts.login("ana", PASSWORD)).isInstanceOf(LoginOutcome.Accepted.class);
    }

    @Test
    void refuses_short_passwords_and_taken_names() {
        accounts.create("setup", "north", "ana", Role.OPERATOR, null, PASSWORD);

        assertThatThrownBy(() -> accounts.create("setup", "north", "bob", Role.CREW, null, "short"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("12");
        assertThatThrownBy(() -> accounts.create("setup", "south", "ana", Role.CREW, null, PASSWORD))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> accounts.create("setup", "north", "Ana Smith", Role.CREW, null, PASSWORD))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_session_knows_its_council_and_role_until_logout() {
        Account ana = accounts.create("setup", "north", "ana", Role.CREW, null, PASSWORD);
        Sessions.Opened opened = sessions.open(ana);

        assertThat(sessions.find(opened.token()))
                .contains(new Principal(
                        "ana", "north", Role.CREW, opened.principal().csrfToken()));
        sessions.close(opened.token());
        assertThat(sessions.find(opened.token())).isEmpty();
        assertThat(sessions.find("not-a-token")).isEmpty();
    }

    @Test
    void a_session_ends_when_idle_and_when_its_account_is_disabled() {
        Account ana = accounts.create("setup", "north", "ana", Role.OPERATOR, null, PASSWORD);
        Sessions.Opened idle = sessions.open(ana);
        now.set(now.get().plus(Duration.ofMinutes(31)));
        assertThat(sessions.find(idle.token())).isEmpty();

        Sessions.Opened fresh = sessions.open(ana);
        assertThat(sessions.find(fresh.token())).isPresent();
        accounts.disable("admin", "north", "ana");
        assertThat(sessions.find(fresh.token())).isEmpty();
        assertThat(accounts.login("ana", PASSWORD)).isInstanceOf(LoginOutcome.Refused.class);
    }

    @Test
    void keeps_no_session_token_in_the_database() throws SQLException {
        Account ana = accounts.create("setup", "north", "ana", Role.OPERATOR, null, PASSWORD);
        Sessions.Opened opened = sessions.open(ana);

        List<String> stored = column("SELECT encode(token_hash, 'escape') || csrf_token FROM account_session");
        assertThat(stored).singleElement().asString().doesNotContain(opened.token());
    }

    @Test
    void records_creations_and_failed_logins_in_the_audit_log() throws SQLException {
        accounts.create("root", "north", "ana", Role.OPERATOR, null, PASSWORD);
        accounts.login("ana", "wrong password 1");

        assertThat(column("SELECT actor || ' ' || action || ' ' || target FROM audit_log ORDER BY id"))
                .containsExactly("root account.create ana", "ana login.failed ana");
    }

    private static List<String> column(String sql) throws SQLException {
        return db.column(sql);
    }
}
