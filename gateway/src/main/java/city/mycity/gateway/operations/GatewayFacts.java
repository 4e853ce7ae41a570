package city.mycity.gateway.operations;

import java.time.Instant;

/**
 * What the store knows of a gateway's health: the latest of the readings its edge agent reports of it (as a device of
 * kind {@code gateway}, under the gateway's id), and its unresolved alerts.
 *
 * @param lastSeen when the platform last stored a new health reading of it, or {@code null} if never
 * @param outboxDepth readings waiting in its outbox, or {@code null}
 * @param outboxOldestAge how old the oldest of them is, in seconds, or {@code null}
 * @param offlineAlert whether it has an unresolved {@code offline} alert
 * @param backlogAlert whether it has an unresolved {@code backlog} alert
 */
public record GatewayFacts(
        Instant lastSeen, Double outboxDepth, Double outboxOldestAge, boolean offlineAlert, boolean backlogAlert) {}
