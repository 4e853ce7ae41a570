package city.mycity.edge.telemetry;

import city.mycity.reading.SenmlCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports the gateway's health as readings every interval: the packs of {@link TelemetryMessages}, each handed to the
 * agent's own uplink path as if its device had sent it (so they are checked, kept in the outbox while the broker is
 * away and packed like any reading).
 */
public final class TelemetryReporter implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(TelemetryReporter.class);
    private static final SenmlCodec JSON = SenmlCodec.json();

    /** Hands one device's SenML JSON to the uplink. */
    @FunctionalInterface
    public interface Uplink {
        CompletionStage<?> send(String device, byte[] senml);
    }

    private final String tenant;
    private final String gateway;
    private final Supplier<GatewayHealth> health;
    private final Sightings sightings;
    private final Uplink uplink;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mycity-edge-telemetry");
        thread.setDaemon(true);
        return thread;
    });

    public TelemetryReporter(
            String tenant, String gateway, Supplier<GatewayHealth> health, Sightings sightings, Uplink uplink) {
        this.tenant = tenant;
        this.gateway = gateway;
        this.health = health;
        this.sightings = sightings;
        this.uplink = uplink;
    }

    /** Reports now and then every {@code interval}. */
    public void start(Duration interval) {
        timer.scheduleAtFixedRate(this::reportSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void reportSafely() {
        try {
            report(Instant.now());
        } catch (RuntimeException e) {
            // A failed report must not end the schedule; the next one comes.
            LOGGER.warn("Gateway telemetry not reported: {}", e.toString());
        }
    }

    /** Reports the health and sightings as of {@code at}. */
    public void report(Instant at) {
        // The time in seconds numbers the reports, across restarts too.
        long sequence = at.getEpochSecond();
        for (TelemetryMessages.Message message :
                TelemetryMessages.of(tenant, gateway, at, sequence, health.get(), sightings.lastSeen())) {
            uplink.send(message.device(), JSON.encode(message.pack())).whenComplete((result, error) -> {
                if (error != null) {
                    LOGGER.debug("Telemetry of {} not taken: {}", message.device(), error.toString());
                }
            });
        }
    }

    /** The current health of this process with the outbox's figures. */
    public static GatewayHealth processHealth(
            long startedNanos, long outboxDepth, double oldestAgeSeconds, long evicted) {
        return new GatewayHealth(
                (System.nanoTime() - startedNanos) / 1e9,
                outboxDepth,
                oldestAgeSeconds,
                evicted,
                ProcessGauges.cpuPercent(),
                ProcessGauges.memoryBytes());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
