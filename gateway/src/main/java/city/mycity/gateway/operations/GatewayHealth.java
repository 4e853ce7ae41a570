package city.mycity.gateway.operations;

import java.time.Instant;
import java.util.Map;

/**
 * One gateway's health, for the operations centre.
 *
 * @param lastSeen when the platform last stored a new health reading of it, or {@code null} if never
 * @param health the latest value of each health quantity its agent reports ({@code outbox-depth}, {@code
 *     outbox-oldest-age} in s, {@code outbox-evicted}, {@code uptime} in s, {@code cpu} in %, {@code memory} in B),
 *     by name; absent when never reported
 * @param sensors how many active or maintained sensors are filed under it
 * @param alerts how many unresolved alerts it has (of the gateway itself, not of its sensors)
 */
public record GatewayHealth(
        String id,
        String zone,
        double longitude,
        double latitude,
        String firmwareVersion,
        Instant lastSeen,
        GatewayState state,
        Map<String, Double> health,
        int sensors,
        int alerts) {}
