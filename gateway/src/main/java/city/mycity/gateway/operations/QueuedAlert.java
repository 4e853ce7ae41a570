package city.mycity.gateway.operations;

import java.time.Instant;

/**
 * An alert in the operations centre's queue, with its device and who acted on it.
 *
 * @param subject what the alert is about: a device's id, or e.g. {@code open311/42} for a public report
 * @param kind the device's kind, or {@code null} when the subject is not a device
 * @param zone the device's zone, or {@code null}
 * @param longitude where: the alert's own place, else its device's, else {@code null}
 * @param updatedAt when the alert last changed (the {@code since} of the queue and of the public feed)
 * @param acknowledgeNote what the operator who acknowledged it said, or {@code null}
 * @param resolvedBy the account that resolved it, or {@code null} when the stream did (the problem ended) or it is
 *     not resolved
 * @param resolveNote what that account said, or {@code null}
 */
public record QueuedAlert(
        String id,
        String subject,
        String kind,
        String zone,
        String problem,
        String severity,
        String status,
        Instant openedAt,
        Instant updatedAt,
        int reopened,
        String detail,
        Double longitude,
        Double latitude,
        String acknowledgedBy,
        Instant acknowledgedAt,
        String acknowledgeNote,
        Instant resolvedAt,
        String resolvedBy,
        String resolveNote) {}
