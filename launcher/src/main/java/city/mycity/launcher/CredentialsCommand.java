package city.mycity.launcher;

import city.mycity.gateway.credentials.CredentialInfo;
import city.mycity.gateway.credentials.CredentialKind;
import city.mycity.gateway.credentials.Credentials;
import city.mycity.gateway.credentials.IssuedCredential;
import city.mycity.gateway.credentials.Subject;
import city.mycity.gateway.exception.InvalidInputException;
import city.mycity.gateway.exception.NotFoundException;
import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mycity credentials}: the secrets of gateways, devices and the platform's services. */
@Command(
        name = "credentials",
        mixinStandardHelpOptions = true,
        header = "Issues, lists and revokes the credentials of gateways, devices and services.",
        description = {
            "An MQTT password (kept only as a hash) or a DTLS pre-shared key, shown once when issued. Issuing",
            "again rotates: the live credential of that kind is revoked. Services: ingest (the stream jobs read",
            "uplinks), replay (re-injects refused messages), control (publishes configurations). Reads",
            "MYCITY_JDBC_URL, MYCITY_DB_USER and MYCITY_DB_PASSWORD."
        },
        subcommands = {
            CredentialsCommand.IssueCommand.class,
            CredentialsCommand.ListCommand.class,
            CredentialsCommand.RevokeCommand.class,
            CredentialsCommand.ExportKeysCommand.class
        })
final class CredentialsCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    private static HikariDataSource database() {
        return CommandDatabase.pool("mycity-credentials", 1);
    }

    /** Whose: one of --gateway, --device (with --tenant) or --service. */
    static final class Whose {
        @Option(names = "--gateway", paramLabel = "ID")
        String gateway;

        @Option(names = "--device", paramLabel = "ID")
        String device;

        @Option(names = "--service", paramLabel = "NAME")
        String service;

        Subject subject(String tenant) {
            if (service != null) {
                return Subject.service(service);
            }
            if (tenant == null) {
                throw new InvalidInputException("tenant", "A gateway or device needs --tenant.");
            }
            return gateway != null ? Subject.gateway(tenant, gateway) : Subject.device(tenant, device);
        }
    }

    private static int refusedOr(Callable<Integer> work) throws Exception {
        try {
            return work.call();
        } catch (InvalidInputException | NotFoundException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    @Command(name = "issue", mixinStandardHelpOptions = true, description = "Issues one; prints its secret once.")
    static final class IssueCommand implements Callable<Integer> {

        @ArgGroup(multiplicity = "1")
        Whose whose;

        @Option(names = "--tenant", description = "The council of the gateway or device.")
        String tenant;

        @Option(names = "--kind", defaultValue = "mqtt-password", description = "mqtt-password or dtls-psk.")
        String kind;

        @Option(names = "--by", defaultValue = "mycity credentials", description = "Who, for the audit log.")
        String by;

        @Override
        public Integer call() throws Exception {
            return refusedOr(() -> {
                CredentialKind parsed = CredentialKind.fromCode(kind)
                        .orElseThrow(() -> new InvalidInputException("kind", "Unknown kind " + kind + "."));
                try (HikariDataSource dataSource = database()) {
                    IssuedCredential issued = new Credentials(dataSource).issue(by, whose.subject(tenant), parsed);
                    System.out.printf(
                            "Credential %d (%s) issued.%nIdentity: %s%nSecret (shown this once): %s%n",
                            issued.id(), parsed.code(), issued.identity(), issued.secret());
                }
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists a subject's credentials.")
    static final class ListCommand implements Callable<Integer> {

        @ArgGroup(multiplicity = "1")
        Whose whose;

        @Option(names = "--tenant", description = "The council of the gateway or device.")
        String tenant;

        @Override
        public Integer call() throws Exception {
            return refusedOr(() -> {
                try (HikariDataSource dataSource = database()) {
                    for (CredentialInfo c : new Credentials(dataSource).list(whose.subject(tenant))) {
                        System.out.printf(
                                "%6d  %-13s %-28s issued %s by %s%s%n",
                                c.id(),
                                c.kind().code(),
                                c.identity(),
                                c.createdAt(),
                                c.createdBy(),
                                c.revokedAt() == null ? "" : ", revoked " + c.revokedAt());
                    }
                }
                return 0;
            });
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revokes a credential.")
    static final class RevokeCommand implements Callable<Integer> {

        @Parameters(paramLabel = "ID", description = "The credential's number, as list shows it.")
        long id;

        @Option(names = "--tenant", description = "Its council (none for a service's).")
        String tenant;

        @Option(names = "--by", defaultValue = "mycity credentials", description = "Who, for the audit log.")
        String by;

        @Override
        public Integer call() throws Exception {
            return refusedOr(() -> {
                try (HikariDataSource dataSource = database()) {
                    new Credentials(dataSource).revoke(by, tenant, id);
                }
                System.out.printf("Credential %d revoked.%n", id);
                return 0;
            });
        }
    }

    @Command(
            name = "export-keys",
            mixinStandardHelpOptions = true,
            description = {
                "Writes the edge agent's keys file from the registry: the live DTLS keys of the council's devices",
                "(of one gateway with --gateway), one device a line. The file is replaced whole, owner-only; an agent",
                "started with it (mycity.edge.device-keys) reads it again within seconds: a key issued, rotated or",
                "revoked takes effect without a restart."
            })
    static final class ExportKeysCommand implements Callable<Integer> {

        @Option(names = "--tenant", required = true, description = "The council.")
        String tenant;

        @Option(names = "--gateway", description = "Only the devices filed under this gateway.")
        String gateway;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The keys file to write.")
        java.nio.file.Path file;

        @Override
        public Integer call() throws Exception {
            int keys;
            try (HikariDataSource dataSource = database()) {
                keys = KeysExport.write(
                        new Credentials(dataSource),
                        tenant,
                        gateway,
                        file,
                        "Exported from the registry for " + tenant + (gateway == null ? "" : "/" + gateway)
                                + " by ./mycity credentials export-keys");
            }
            System.out.printf("%d device key(s) written to %s%n", keys, file);
            return 0;
        }
    }
}
