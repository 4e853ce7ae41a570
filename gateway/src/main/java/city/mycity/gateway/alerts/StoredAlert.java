package city.mycity.gateway.alerts;

import java.time.Instant;

/** An alert as the store holds it. */
public record StoredAlert(
        String id,
        String tenant,
        String subject,
        String problem,
        String severity,
        String status,
        Instant openedAt,
        Instant resolvedAt,
        int reopened,
        String detail,
        Double latitude,
        Double longitude,
        String acknowledgedBy,
        Instant acknowledgedAt) {}
