package city.mycity.edge.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration a gateway runs, replaced while it runs: a configuration offered is checked ({@link
 * GatewayConfigParser}), and applied if it is valid and newer, the listeners told at once; otherwise refused with the
 * reason, and the one running stays. Offering the running version again (a retained message redelivered on
 * reconnect) answers applied and changes nothing. Thread-safe.
 */
public final class RemoteConfig {

    private static final Logger LOGGER = LoggerFactory.getLogger(RemoteConfig.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GatewayConfigParser parser;
    private final List<Consumer<GatewayConfig>> listeners = new CopyOnWriteArrayList<>();
    private volatile GatewayConfig current = GatewayConfig.INITIAL;
    /** The running configuration as it was published, to tell a redelivery from other content under its version. */
    private JsonNode currentJson;

    private final Path store;

    /** A configuration held in memory only: after a restart, the defaults until the broker gives it again. */
    public RemoteConfig(GatewayConfigParser parser) {
        this(parser, null);
    }

    /**
     * A configuration kept in {@code store} as well (written atomically when one is applied), and read from it at
     * start, so that an agent restarted while the broker is away serves the settings it had.
     *
     * @param store the file, or {@code null} for memory only
     */
    public RemoteConfig(GatewayConfigParser parser, Path store) {
        this.parser = parser;
        this.store = store;
        if (store != null && Files.isRegularFile(store)) {
            load(store);
        }
    }

    private void load(Path file) {
        try {
            byte[] json = Files.readAllBytes(file);
            current = parser.parse(json);
            currentJson = jsonOf(json);
            LOGGER.info("Configuration version {} restored from {}", current.version(), file);
        } catch (IOException | ConfigRefusedException e) {
            // Kept from an earlier version of the agent, or damaged: the broker's retained one will come.
            LOGGER.warn(
                    "Configuration in {} not restored ({}); running the defaults until one arrives",
                    file,
                    e.getMessage());
        }
    }

    private void save(byte[] json) {
        if (store == null) {
            return;
        }
        try {
            Path temporary = store.resolveSibling(store.getFileName() + ".new");
            Files.write(temporary, json);
            Files.move(temporary, store, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOGGER.warn("Configuration applied but not saved to {}: {}", store, e.getMessage());
        }
    }

    /** The configuration running now ({@link GatewayConfig#INITIAL} until one is applied). */
    public GatewayConfig current() {
        return current;
    }

    /** Calls {@code listener} with each configuration applied from now on. */
    public void onApplied(Consumer<GatewayConfig> listener) {
        listeners.add(listener);
    }

    /** Checks and applies a configuration; the answer to publish on the status topic. */
    public ConfigStatus offer(byte[] json) {
        GatewayConfig offered;
        synchronized (this) {
            long running = current.version();
            try {
                offered = parser.parse(json);
            } catch (ConfigRefusedException e) {
                LOGGER.warn("Configuration refused, version {} stays: {}", running, e.getMessage());
                return ConfigStatus.refused(versionIn(json), e.getMessage(), running);
            }
            if (offered.version() < running) {
                String reason = "version " + offered.version() + " is older than the running version " + running;
                LOGGER.warn("Configuration refused: {}", reason);
                return ConfigStatus.refused(offered.version(), reason, running);
            }
            JsonNode tree = jsonOf(json);
            if (offered.version() == running) {
                if (tree.equals(currentJson)) {
                    return ConfigStatus.applied(running);
                }
                String reason = "version " + running + " is already applied with other content: give changes a new"
                        + " version";
                LOGGER.warn("Configuration refused: {}", reason);
                return ConfigStatus.refused(offered.version(), reason, running);
            }
            current = offered;
            currentJson = tree;
            save(json);
        }
        LOGGER.info("Configuration version {} applied", offered.version());
        listeners.forEach(listener -> listener.accept(offered));
        return ConfigStatus.applied(offered.version());
    }

    private static JsonNode jsonOf(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            // Parsed a moment ago: cannot happen.
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The version a refused configuration gave, if it can be read, for the answer. */
    private static Long versionIn(byte[] json) {
        try {
            JsonNode version = JSON.readTree(json).path("version");
            return version.canConvertToExactIntegral() ? version.asLong() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
