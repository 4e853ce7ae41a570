package city.mycity.gateway.brokeraccess;

import city.mycity.gateway.credentials.Credentials;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a broker's access in step with the registry: applies the live accounts at start, then again each time the
 * credentials change (their generation grows), checked every {@code interval}. A failure is logged and tried again at
 * the next check; the broker keeps what it had.
 *
 * <p>By default, every 5 seconds.
 */
public final class AccessSync implements AutoCloseable {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    private static final Logger LOGGER = LoggerFactory.getLogger(AccessSync.class);

    private final DataSource dataSource;
    private final Credentials credentials;
    private final Consumer<List<BrokerAccount>> apply;
    private final ScheduledExecutorService timer;
    private long applied = -1;

    private AccessSync(DataSource dataSource, Consumer<List<BrokerAccount>> apply) {
        this.dataSource = dataSource;
        this.credentials = new Credentials(dataSource);
        this.apply = apply;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mycity-broker-access");
            t.setDaemon(true);
            return t;
        });
    }

    /** Applies the accounts now (failing if that fails), then keeps them in step. */
    public static AccessSync start(DataSource dataSource, Duration interval, Consumer<List<BrokerAccount>> apply) {
        AccessSync sync = new AccessSync(dataSource, apply);
        sync.applyIfChanged();
        sync.timer.scheduleWithFixedDelay(sync::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return sync;
    }

    private void check() {
        try {
            applyIfChanged();
        } catch (RuntimeException e) {
            LOGGER.warn("Could not bring the broker's access up to date (tried again in a moment): {}", e.toString());
        }
    }

    /** Applies the live accounts when the credentials changed since the last time; true when it applied them. */
    public synchronized boolean applyIfChanged() {
        long generation = credentials.generation();
        if (generation == applied) {
            return false;
        }
        List<BrokerAccount> accounts = BrokerAccounts.load(dataSource);
        apply.accept(accounts);
        applied = generation;
        LOGGER.info("Broker access applied: {} account(s), credentials generation {}", accounts.size(), generation);
        return true;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
