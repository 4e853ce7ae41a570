package city.mycity.launcher;

import city.mycity.edge.security.DeviceKeys;
import city.mycity.gateway.credentials.Credentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the demo's edge agent's keys file in step with the registry: written again, whole, each time the credentials
 * change (a key issued, rotated or revoked through the API or the command line, a device retired), so that the agent,
 * which reads its file again when it changes, follows within seconds.
 */
final class DemoKeysExport implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(DemoKeysExport.class);

    private final Credentials credentials;
    private final String tenant;
    private final Path file;
    private final ScheduledExecutorService timer;
    private long written;

    private DemoKeysExport(Credentials credentials, String tenant, Path file, long written) {
        this.credentials = credentials;
        this.tenant = tenant;
        this.file = file;
        this.written = written;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-keys-export");
            t.setDaemon(true);
            return t;
        });
    }

    /** Watches from now: the file was written just before from the keys of this generation. */
    static DemoKeysExport start(DataSource registry, String tenant, Path file) {
        Credentials credentials = new Credentials(registry);
        DemoKeysExport export = new DemoKeysExport(credentials, tenant, file, credentials.generation());
        export.timer.scheduleWithFixedDelay(export::exportIfChanged, 5, 5, TimeUnit.SECONDS);
        return export;
    }

    private void exportIfChanged() {
        try {
            long generation = credentials.generation();
            if (generation == written) {
                return;
            }
            Path next = file.resolveSibling(file.getFileName() + ".next");
            DeviceKeys.of(credentials.deviceKeys(tenant, null))
                    .writeTo(next, "The demo's sensor keys, from the registry; removed when the demo stops.");
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            written = generation;
        } catch (IOException e) {
            LOGGER.warn("Could not write the sensor keys again: {}", new UncheckedIOException(e).getMessage());
        } catch (RuntimeException e) {
            LOGGER.warn("Could not write the sensor keys again: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
