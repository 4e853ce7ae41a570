package city.mycity.launcher;

import city.mycity.gateway.brokeraccess.AccessSync;
import city.mycity.gateway.brokeraccess.mosquitto.MosquittoAccessFiles;
import city.mycity.gateway.brokeraccess.mosquitto.MosquittoReload;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mycity broker-access}: Mosquitto's accounts and topic rights, kept in step with the registry. */
@Command(
        name = "broker-access",
        mixinStandardHelpOptions = true,
        header = "Writes Mosquitto's password and ACL files from the registry, and reloads Mosquitto when they change.",
        description = {
            "Every live MQTT credential of the registry becomes an account that may use its own topics only: a",
            "gateway publishes under mycity/v1/{tenant}/{gateway}/ and reads its own configuration; only the",
            "ingest service reads uplinks. Point Mosquitto at the files (password_file DIR/passwd, acl_file",
            "DIR/acl); with --pid-file it is sent SIGHUP after each change, so that an issued, rotated or revoked",
            "credential takes effect without a restart. Reads MYCITY_JDBC_URL, MYCITY_DB_USER, MYCITY_DB_PASSWORD."
        })
final class BrokerAccessCommand implements Callable<Integer> {

    @Option(
            names = "--mosquitto-dir",
            required = true,
            paramLabel = "DIR",
            description = "Where to write passwd and acl.")
    Path folder;

    @Option(names = "--pid-file", paramLabel = "FILE", description = "Mosquitto's pid_file, to reload it.")
    Path pidFile;

    @Option(
            names = "--interval",
            defaultValue = "5",
            paramLabel = "SECONDS",
            description = "How often to look for changes (default: ${DEFAULT-VALUE} s).")
    int intervalSeconds;

    @Option(names = "--once", description = "Write the files (and reload) once, then exit.")
    boolean once;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(folder)) {
            System.err.println("No folder " + folder + ".");
            return 1;
        }
        try (HikariDataSource dataSource = CommandDatabase.pool("mycity-broker", 2);
                AccessSync sync = AccessSync.start(dataSource, Duration.ofSeconds(intervalSeconds), accounts -> {
                    MosquittoAccessFiles.write(folder, accounts);
                    if (pidFile != null) {
                        MosquittoReload.signal(pidFile);
                    }
                    System.out.printf(
                            "%d account(s) written to %s%s%n",
                            accounts.size(), folder, pidFile == null ? "" : "; Mosquitto reloaded");
                })) {
            if (once) {
                return 0;
            }
            System.out.println("Keeping Mosquitto's access in step with the registry. Ctrl-C to stop.");
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
            return 0;
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }
}
