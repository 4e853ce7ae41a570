package city.mycity.embedded;

import city.mycity.embedded.internal.AccessControlExtension;
import city.mycity.embedded.internal.BrokerConfigFile;
import city.mycity.embedded.internal.FreePorts;
import city.mycity.embedded.internal.PasswordAuthExtension;
import city.mycity.embedded.internal.Secrets;
import city.mycity.embedded.internal.TempFolders;
import city.mycity.embedded.internal.UsersFirst;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.embedded.EmbeddedHiveMQBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds and starts an {@link EmbeddedBroker}. Every setter states its default. */
public final class EmbeddedBrokerBuilder {

    /** The default user name when no user is configured. */
    public static final String DEFAULT_USER = "mycity";

    private static final Logger LOGGER = LoggerFactory.getLogger(EmbeddedBrokerBuilder.class);

    private int port = 0;
    private final Map<String, String> users = new LinkedHashMap<>();
    private boolean anonymous = false;
    private AccessControl accessControl;
    private long maxQueuedMessages = 1_000_000;
    private boolean filePersistence = false;
    private Path parentFolder;
    private Duration startTimeout = Duration.ofSeconds(60);

    EmbeddedBrokerBuilder() {}

    /**
     * The port to listen on (on 127.0.0.1). When it is taken, a free port is used instead; {@code 0} asks for a free
     * port. By default, 0.
     */
    public EmbeddedBrokerBuilder port(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Broker port must be between 0 and 65535, was " + port + ".");
        }
        this.port = port;
        return this;
    }

    /**
     * Adds a user that may connect with this password. By default, one user {@value #DEFAULT_USER} with a random
     * password (see {@link EmbeddedBroker#password()}): the embedded broker is never open unless {@link #anonymous()}
     * is asked for.
     */
    public EmbeddedBrokerBuilder user(String username, String password) {
        Objects.requireNonNull(username, "Broker user name must not be null.");
        Objects.requireNonNull(password, "Broker password must not be null.");
        users.put(username, password);
        return this;
    }

    /** Adds these users (name to password). See {@link #user(String, String)}. */
    public EmbeddedBrokerBuilder users(Map<String, String> usersAndPasswords) {
        usersAndPasswords.forEach(this::user);
        return this;
    }

    /**
     * Asks this access control who may connect and which topics each account may use (e.g. the accounts of a device
     * registry); the users given with {@link #user} may still use every topic. By default, none: the users given (or
     * the default user) may use every topic.
     */
    public EmbeddedBrokerBuilder accessControl(AccessControl accessControl) {
        this.accessControl = Objects.requireNonNull(accessControl, "Access control must not be null.");
        return this;
    }

    /** Lets any client connect without a user name or password. By default, clients must authenticate. */
    public EmbeddedBrokerBuilder anonymous() {
        this.anonymous = true;
        return this;
    }

    /**
     * How many messages the broker keeps for one client while it is away or slow (HiveMQ's default is 1000). By
     * default, 1,000,000: enough for a stream job to restart under the demo's load without a loss.
     */
    public EmbeddedBrokerBuilder maxQueuedMessages(long maxQueuedMessages) {
        if (maxQueuedMessages < 1) {
            throw new IllegalArgumentException("Max queued messages must be positive, was " + maxQueuedMessages + ".");
        }
        this.maxQueuedMessages = maxQueuedMessages;
        return this;
    }

    /**
     * Whether HiveMQ keeps sessions and queues in files (in its data folder) rather than in memory. Either way they
     * last as long as the broker. By default, false (in memory: faster start, and the folder is deleted on close).
     */
    public EmbeddedBrokerBuilder filePersistence(boolean filePersistence) {
        this.filePersistence = filePersistence;
        return this;
    }

    /** The folder under which the broker's own working folder is created. By default, the system temp folder. */
    public EmbeddedBrokerBuilder parentFolder(Path parentFolder) {
        this.parentFolder = parentFolder;
        return this;
    }

    /** How long to wait for the broker to start (and to stop). By default, 60 seconds. */
    public EmbeddedBrokerBuilder startTimeout(Duration startTimeout) {
        if (startTimeout == null || startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("Broker start timeout must be positive.");
        }
        this.startTimeout = startTimeout;
        return this;
    }

    /** Starts the broker and returns once it accepts connections. */
    public EmbeddedBroker start() {
        if (anonymous && (!users.isEmpty() || accessControl != null)) {
            throw new IllegalStateException(
                    "Broker users or access control were given and anonymous() was asked for: choose one.");
        }
        Map<String, String> accounts = new LinkedHashMap<>(users);
        if (!anonymous && accounts.isEmpty() && accessControl == null) {
            accounts.put(DEFAULT_USER, Secrets.randomPassword());
        }
        long started = System.nanoTime();
        int chosenPort = FreePorts.requestedOrFree(port);
        Path workFolder = TempFolders.create(parentFolder, "mycity-broker-");
        try {
            EmbeddedHiveMQ hiveMQ = startHiveMQ(workFolder, chosenPort, accounts);
            EmbeddedBroker broker = new EmbeddedBroker(hiveMQ, workFolder, chosenPort, accounts, startTimeout);
            LOGGER.info(
                    "Embedded MQTT broker (HiveMQ CE) on {} ({}, up to {} queued messages per client), started in {} ms",
                    broker.url(),
                    accessControl != null
                            ? "access control"
                            : accounts.isEmpty() ? "anonymous" : "password authentication",
                    maxQueuedMessages,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return broker;
        } catch (RuntimeException e) {
            TempFolders.deleteRecursively(workFolder);
            throw e;
        }
    }

    private EmbeddedHiveMQ startHiveMQ(Path workFolder, int chosenPort, Map<String, String> accounts) {
        Path config = createFolder(workFolder.resolve("conf"));
        BrokerConfigFile.write(config, chosenPort, maxQueuedMessages, filePersistence);
        EmbeddedHiveMQBuilder builder = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(config)
                .withDataFolder(createFolder(workFolder.resolve("data")))
                .withExtensionsFolder(createFolder(workFolder.resolve("extensions")))
                .withoutLoggingBootstrap();
        if (accessControl != null) {
            builder.withEmbeddedExtension(AccessControlExtension.of(new UsersFirst(accounts, accessControl)));
        } else if (!accounts.isEmpty()) {
            builder.withEmbeddedExtension(PasswordAuthExtension.of(accounts));
        }
        EmbeddedHiveMQ hiveMQ = builder.build();
        try {
            hiveMQ.start().get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopQuietly(hiveMQ);
            throw new IllegalStateException("Interrupted while starting the embedded MQTT broker.", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            stopQuietly(hiveMQ);
            throw new IllegalStateException(
                    "The embedded MQTT broker did not start within " + startTimeout.toSeconds() + " s: " + e, e);
        }
        if (!listens(chosenPort)) {
            stopQuietly(hiveMQ);
            throw new IllegalStateException("The embedded MQTT broker started but does not listen on 127.0.0.1:"
                    + chosenPort + " (was the port taken meanwhile?). Try again or request another port.");
        }
        return hiveMQ;
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void stopQuietly(EmbeddedHiveMQ hiveMQ) {
        try {
            hiveMQ.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            LOGGER.debug("Could not stop a broker that failed to start", e);
        }
    }

    private static Path createFolder(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + folder, e);
        }
    }
}
