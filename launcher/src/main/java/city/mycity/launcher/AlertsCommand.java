package city.mycity.launcher;

import city.mycity.gateway.alerts.AlertStore;
import city.mycity.gateway.alerts.StoredAlert;
import city.mycity.settings.Settings;
import city.mycity.storage.Database;
import city.mycity.storage.DatabaseSettings;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mycity alerts}: the operations centre's alerts, and acknowledging one. */
@Command(
        name = "alerts",
        mixinStandardHelpOptions = true,
        header = "Lists the alerts the stream jobs raised, or acknowledges one.",
        description = {
            "One alert per problem (a leak, a burst, ...), opened and resolved by the stream jobs. Reads",
            "MYCITY_JDBC_URL, MYCITY_DB_USER and MYCITY_DB_PASSWORD (the demo prints its database when it starts)."
        },
        subcommands = {AlertsCommand.ListCommand.class, AlertsCommand.AckCommand.class})
final class AlertsCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    private static HikariDataSource database() {
        return Database.pool(DatabaseSettings.from(Settings.fromEnvironment()).withPoolSize(1), "mycity-alerts");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists alerts, newest first.")
    static final class ListCommand implements Callable<Integer> {

        @Option(names = "--tenant", description = "Only this council's alerts.")
        String tenant;

        @Option(names = "--all", description = "Resolved alerts too (default: open and acknowledged ones only).")
        boolean all;

        @Option(names = "--limit", defaultValue = "100", description = "The most alerts (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() throws Exception {
            try (HikariDataSource dataSource = database()) {
                List<StoredAlert> alerts = new AlertStore(dataSource).list(tenant, !all, limit);
                System.out.printf("%d alert(s)%n", alerts.size());
                for (StoredAlert a : alerts) {
                    System.out.printf(
                            "%s  %-8s %-12s %-8s %-24s opened %s%s%s%n    %s%n",
                            a.id(),
                            a.severity(),
                            a.status(),
                            a.problem(),
                            a.tenant() + "/" + a.subject(),
                            a.openedAt(),
                            a.resolvedAt() == null ? "" : ", resolved " + a.resolvedAt(),
                            a.acknowledgedBy() == null
                                    ? ""
                                    : ", acknowledged by " + a.acknowledgedBy() + " at " + a.acknowledgedAt(),
                            a.detail());
                }
            }
            return 0;
        }
    }

    @Command(name = "ack", mixinStandardHelpOptions = true, description = "Acknowledges an open alert.")
    static final class AckCommand implements Callable<Integer> {

        @Parameters(paramLabel = "ID", description = "The alert's id, as alerts list shows it.")
        String id;

        @Option(names = "--by", required = true, description = "Who acknowledges it.")
        String by;

        @Override
        public Integer call() throws Exception {
            try (HikariDataSource dataSource = database()) {
                if (new AlertStore(dataSource).acknowledge(id, by)) {
                    System.out.println("Acknowledged " + id + " as " + by + ".");
                    return 0;
                }
                System.err.println("No open alert " + id + " (it may be acknowledged or resolved already).");
                return 1;
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
        }
    }
}
