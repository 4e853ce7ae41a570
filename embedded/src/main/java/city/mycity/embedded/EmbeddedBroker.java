package city.mycity.embedded;

import city.mycity.embedded.internal.TempFolders;
import com.hivemq.embedded.EmbeddedHiveMQ;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MQTT 5 broker (HiveMQ Community Edition, embedded) on 127.0.0.1, for the one-command demo and for tests without
 * a real broker. Build it with {@link #builder()}; {@link #close()} stops it and deletes its working folder.
 *
 * <p>Its working folder holds HiveMQ's configuration and data. Persistent sessions (clean start off, session expiry
 * set) with QoS 1 keep up to {@link EmbeddedBrokerBuilder#maxQueuedMessages(long)} messages per client while the
 * client is away, so a stream job that restarts loses nothing.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final EmbeddedHiveMQ hiveMQ;
    private final Path workFolder;
    private final int port;
    private final Map<String, String> users;
    private final Duration stopTimeout;

    EmbeddedBroker(EmbeddedHiveMQ hiveMQ, Path workFolder, int port, Map<String, String> users, Duration stopTimeout) {
        this.hiveMQ = hiveMQ;
        this.workFolder = workFolder;
        this.port = port;
        this.users = Map.copyOf(users);
        this.stopTimeout = stopTimeout;
    }

    public static EmbeddedBrokerBuilder builder() {
        return new EmbeddedBrokerBuilder();
    }

    /** The port the broker listens on (on 127.0.0.1). */
    public int port() {
        return port;
    }

    /** The broker's URL for Paho and the settings, e.g. {@code tcp://127.0.0.1:41883}. */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Whether clients must authenticate with a user name and password. */
    public boolean requiresPassword() {
        return !users.isEmpty();
    }

    /** The first configured user's name (the default account), or {@code null} when anonymous clients are let in. */
    public String username() {
        return users.keySet().stream().sorted().findFirst().orElse(null);
    }

    /** The password of {@link #username()}, or {@code null} when anonymous clients are let in. */
    public String password() {
        String username = username();
        return username == null ? null : users.get(username);
    }

    /** The folder holding this broker's configuration and data, deleted on {@link #close()}. */
    public Path workFolder() {
        return workFolder;
    }

    /** Stops the broker and deletes its working folder. */
    @Override
    public void close() {
        try {
            hiveMQ.stop().get(stopTimeout.toMillis(), TimeUnit.MILLISECONDS);
            hiveMQ.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOGGER.warn("Interrupted while stopping the embedded MQTT broker on port {}", port);
        } catch (ExecutionException | TimeoutException e) {
            LOGGER.warn("The embedded MQTT broker on port {} did not stop cleanly", port, e);
        } finally {
            TempFolders.deleteRecursively(workFolder);
        }
        LOGGER.info("Embedded MQTT broker on {} stopped", url());
    }

    @Override
    public String toString() {
        return "EmbeddedBroker[" + url() + (requiresPassword() ? ", password authentication" : ", anonymous") + "]";
    }
}
