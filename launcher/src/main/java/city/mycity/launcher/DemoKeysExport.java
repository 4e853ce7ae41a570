package city.mycity.launcher;

import city.mycity.gateway.credentials.Credentials;
import java.io.IOException;
import java.nio.file.Path;
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
    private static final String COMMENT = "The demo's sensor keys, from the registry; removed when the demo stops.";

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

    /** Writes the file now, then watches. */
    static DemoKeysExport start(DataSource registry, String tenant, Path file) throws IOException {
        Credentials credentials = new Credentials(registry);
        long generation = credentials.generation();
        KeysExport.write(credentials, tenant, null, file, COMMENT);
        DemoKeysExport export = new DemoKeysExport(credentials, tenant, file, generation);
        export.timer.scheduleWithFixedDelay(export::exportIfChanged, 5, 5, TimeUnit.SECONDS);
        return export;
    }

    private void exportIfChanged() {
        try {
            long generation = credentials.generation();
            if (generation == written) {
                return;
            }
            KeysExport.write(credentials, tenant, null, file, COMMENT);
            written = generation;
        } catch (IOException | RuntimeException e) {
            LOGGER.warn("Could not write the sensor keys again: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
