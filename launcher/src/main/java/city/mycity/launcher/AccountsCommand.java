package city.mycity.launcher;

import city.mycity.embedded.internal.Secrets;
import city.mycity.gateway.accounts.Account;
import city.mycity.gateway.accounts.Accounts;
import city.mycity.gateway.accounts.Role;
import city.mycity.gateway.exception.ConflictException;
import city.mycity.gateway.exception.InvalidInputException;
import city.mycity.gateway.exception.NotFoundException;
import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mycity accounts}: the people who log in to the operators' API and pages. */
@Command(
        name = "accounts",
        mixinStandardHelpOptions = true,
        header = "Lists, adds and disables the accounts of a council's staff.",
        description = {
            "Each account belongs to one council (tenant) and has a role: crew, operator or admin. Reads",
            "MYCITY_JDBC_URL, MYCITY_DB_USER and MYCITY_DB_PASSWORD (the demo prints its database when it starts).",
            "A new account's password is generated and printed once, unless MYCITY_NEW_PASSWORD gives it."
        },
        subcommands = {
            AccountsCommand.ListCommand.class,
            AccountsCommand.AddCommand.class,
            AccountsCommand.PasswordCommand.class,
            AccountsCommand.DisableCommand.class
        })
final class AccountsCommand implements Runnable {

    /** The environment variable that gives a new password instead of a generated one. */
    static final String NEW_PASSWORD = "MYCITY_NEW_PASSWORD";

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    private static HikariDataSource database() {
        return CommandDatabase.pool("mycity-accounts", 1);
    }

    /** The password to set: the environment's, or a generated one (printed once). */
    private static String newPassword() {
        return passwordGiven() ? System.getenv(NEW_PASSWORD) : Secrets.randomPassword();
    }

    private static boolean passwordGiven() {
        String given = System.getenv(NEW_PASSWORD);
        return given != null && !given.isEmpty();
    }

    /** Runs an account change, printing a refused one as one clear line and exit code 1. */
    private static int refusedOr(Callable<Integer> change) throws Exception {
        try {
            return change.call();
        } catch (InvalidInputException | ConflictException | NotFoundException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists a council's accounts.")
    static final class ListCommand implements Callable<Integer> {

        @Option(names = "--tenant", required = true, description = "The council.")
        String tenant;

        @Override
        public Integer call() {
            try (HikariDataSource dataSource = database()) {
                for (Account a : new Accounts(dataSource).list(tenant)) {
                    System.out.printf(
                            "%-24s %-8s %s%s%n",
                            a.username(),
                            a.role().code(),
                            a.displayName() == null ? "" : a.displayName(),
                            a.disabledAt() != null
                                    ? "  (disabled)"
                                    : a.lockedUntil() != null ? "  (locked until " + a.lockedUntil() + ")" : "");
                }
            }
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds an account; prints its password once.")
    static final class AddCommand implements Callable<Integer> {

        @Parameters(paramLabel = "USERNAME", description = "2-64 characters of a-z, 0-9, '.', '_', '@' or '-'.")
        String username;

        @Option(names = "--tenant", required = true, description = "The council it belongs to.")
        String tenant;

        @Option(names = "--role", required = true, description = "crew, operator or admin.")
        String role;

        @Option(names = "--name", description = "The person's name, as pages show it.")
        String name;

        @Override
        public Integer call() throws Exception {
            Role parsed = Role.fromCode(role).orElse(null);
            if (parsed == null) {
                System.err.println("Unknown role " + role + ": crew, operator or admin.");
                return 2;
            }
            String password = newPassword();
            return refusedOr(() -> {
                try (HikariDataSource dataSource = database()) {
                    new Accounts(dataSource).create("mycity accounts", tenant, username, parsed, name, password);
                }
                System.out.printf("Account %s (%s of %s) added.%n", username, parsed.code(), tenant);
                if (!passwordGiven()) {
                    System.out.printf("Password (shown this once): %s%n", password);
                }
                return 0;
            });
        }
    }

    @Command(name = "password", mixinStandardHelpOptions = true, description = "Sets a new password; logs it out.")
    static final class PasswordCommand implements Callable<Integer> {

        @Parameters(paramLabel = "USERNAME")
        String username;

        @Option(names = "--tenant", required = true, description = "The council it belongs to.")
        String tenant;

        @Override
        public Integer call() throws Exception {
            String password = newPassword();
            return refusedOr(() -> {
                try (HikariDataSource dataSource = database()) {
                    new Accounts(dataSource).setPassword("mycity accounts", tenant, username, password);
                }
                System.out.printf("Password of %s changed; its sessions are closed.%n", username);
                if (!passwordGiven()) {
                    System.out.printf("Password (shown this once): %s%n", password);
                }
                return 0;
            });
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disables an account; logs it out.")
    static final class DisableCommand implements Callable<Integer> {

        @Parameters(paramLabel = "USERNAME")
        String username;

        @Option(names = "--tenant", required = true, description = "The council it belongs to.")
        String tenant;

        @Override
        public Integer call() throws Exception {
            return refusedOr(() -> {
                try (HikariDataSource dataSource = database()) {
                    new Accounts(dataSource).disable("mycity accounts", tenant, username);
                }
                System.out.printf("Account %s disabled; its sessions are closed.%n", username);
                return 0;
            });
        }
    }
}
