package city.mycity.gateway.operations;

import java.time.Instant;
import java.util.Objects;

/**
 * How a sensor's and a gateway's states follow from what the store knows, at an instant. The stream jobs' alerts are
 * taken as they are (their offline deadline adapts to each device's usual silence); the thresholds of {@link
 * OperationsSettings} also apply, so that the map says what it sees when the stream jobs are away.
 */
public final class StateRules {

    private final OperationsSettings settings;

    public StateRules(OperationsSettings settings) {
        this.settings = Objects.requireNonNull(settings, "Settings must not be null.");
    }

    /**
     * The sensor's state at {@code now}: offline, else alerting, else low-battery, else ok. A sensor never heard from
     * is offline once it has been registered for longer than the offline threshold (a new sensor has time to report).
     */
    public SensorState sensor(SensorFacts facts, Instant now) {
        Instant heard = facts.lastSeen() != null ? facts.lastSeen() : facts.registeredAt();
        if (facts.offlineAlert() || silent(heard, now, settings.offlineAfter())) {
            return SensorState.OFFLINE;
        }
        if (facts.otherAlerts() > 0) {
            return SensorState.ALERTING;
        }
        if (facts.batteryAlert() || (facts.battery() != null && facts.battery() < settings.batteryLow())) {
            return SensorState.LOW_BATTERY;
        }
        return SensorState.OK;
    }

    /** The gateway's state at {@code now}: offline, else backlog, else ok. */
    public GatewayState gateway(GatewayFacts facts, Instant now) {
        if (facts.offlineAlert() || silent(facts.lastSeen(), now, settings.gatewayOfflineAfter())) {
            return GatewayState.OFFLINE;
        }
        boolean waiting = facts.outboxDepth() != null && facts.outboxDepth() > 0;
        boolean old = facts.outboxOldestAge() != null
                && facts.outboxOldestAge() > settings.backlogAfter().toSeconds();
        if (facts.backlogAlert() || (waiting && old)) {
            return GatewayState.BACKLOG;
        }
        return GatewayState.OK;
    }

    private static boolean silent(Instant lastSeen, Instant now, java.time.Duration after) {
        return lastSeen == null || lastSeen.isBefore(now.minus(after));
    }
}
