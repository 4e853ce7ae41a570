package city.mycity.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.gateway.accounts.Accounts;
import city.mycity.gateway.accounts.LoginOutcome;
import city.mycity.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mycity devices} and {@code mycity accounts} on a real database, as an administrator types them. */
class RegistryCommandsIT {

    private static TestDatabase db;

    @BeforeAll
    static void aCouncil() throws SQLException {
        db = TestDatabase.create().migrated();
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO tenant VALUES ('north', 'North'); INSERT INTO zone VALUES ('north', 'z1', 'C', 52,"
                    + " -2, 53, -1); INSERT INTO gateway (tenant_id, id, zone_id, latitude, longitude) VALUES ('north',"
                    + " 'g1', 'z1', 52.5, -1.5)");
        }
        System.setProperty("mycity.jdbc.url", db.jdbcUrl());
        if (db.user() != null) {
            System.setProperty("mycity.db.user", db.user());
        }
        if (db.password() != null) {
            System.setProperty("mycity.db.password", db.password());
        }
    }

    @AfterAll
    static void drop() {
        System.clearProperty("mycity.jdbc.url");
        System.clearProperty("mycity.db.user");
        System.clearProperty("mycity.db.password");
        db.close();
    }

    @Test
    void devices_import_reports_each_refused_row_and_exits_3(@TempDir Path folder) throws IOException {
        Path csv = Files.writeString(
                folder.resolve("devices.csv"),
                "id,gateway,kind,zone,latitude,longitude\nbin-1,g1,bin,z1,52.5,-1.5\nbin-2,g9,bin,z1,52.5,-1.5\n");

        String[] run = CommandRun.run("devices", "import", csv.toString(), "--tenant", "north");
        String[] list = CommandRun.run("devices", "list", "--tenant", "north");

        assertThat(run[0]).as(run[2]).isEqualTo("3");
        assertThat(run[1])
                .contains("2 row(s): 1 created, 0 updated, 0 unchanged, 1 refused")
                .contains("line 3, gateway: No gateway g9 is registered.");
        assertThat(list[1]).contains("bin-1").doesNotContain("bin-2");
    }

    @Test
    void register_puts_a_council_and_its_city_on_the_platform_once() {
        String[] first = CommandRun.run("register", "--seed", "7");
        String[] again = CommandRun.run("register", "--seed", "7");

        assertThat(first[0]).as(first[2]).isEqualTo("0");
        assertThat(first[1]).contains("Registered demo-town");
        assertThat(again[1]).contains("0 row(s) inserted or changed");
        assertThat(db.column("SELECT count(*) FROM zone WHERE tenant_id = 'demo-town'")
                        .get(0))
                .isNotEqualTo("0");
    }

    @Test
    void devices_import_of_a_file_that_is_not_there_is_a_clear_error() {
        String[] run = CommandRun.run("devices", "import", "/no/such/file.csv", "--tenant", "north");

        assertThat(run[0]).isEqualTo("1");
        assertThat(run[2]).contains("No file /no/such/file.csv");
    }

    @Test
    void accounts_add_prints_a_generated_password_once_that_logs_in() {
        String[] run = CommandRun.run("accounts", "add", "olga", "--tenant", "north", "--role", "operator");

        assertThat(run[0]).as(run[2]).isEqualTo("0");
        Matcher password =
                Pattern.compile("Password \\(shown this once\\): (\\S+)").matcher(run[1]);
        assertThat(password.find()).isTrue();
        assertThat(new Accounts(db.dataSource()).login("olga", password.group(1)))
                .isInstanceOf(LoginOutcome.Accepted.class);
        assertThat(CommandRun.run("accounts", "add", "olga", "--tenant", "north", "--role", "crew")[2])
                .contains("exists already");
        assertThat(CommandRun.run("accounts", "add", "olga2", "--tenant", "north", "--role", "mayor")[0])
                .isEqualTo("2");
    }
}
