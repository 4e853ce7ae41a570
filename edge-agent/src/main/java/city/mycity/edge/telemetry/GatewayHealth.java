package city.mycity.edge.telemetry;

/**
 * What a gateway's agent knows of its own health at one moment.
 *
 * @param uptimeSeconds since the agent started
 * @param outboxDepth readings waiting in the outbox (0 without one)
 * @param outboxOldestAgeSeconds age of the oldest of them (0 when none)
 * @param outboxEvicted readings the outbox evicted when full, in all
 * @param cpuPercent the agent's share of the machine's CPU, 0 to 100, or negative when unknown
 * @param memoryBytes the agent's resident memory (or its heap in use where that is unknown)
 */
public record GatewayHealth(
        double uptimeSeconds,
        long outboxDepth,
        double outboxOldestAgeSeconds,
        long outboxEvicted,
        double cpuPercent,
        long memoryBytes) {}
