package city.mycity.analytics.alert;

import java.time.Instant;

/**
 * An alert as it now stands, to be written over its row (by id). The stream opens and resolves alerts; acknowledging
 * is an operator's, and the store keeps who and when.
 *
 * @param id the same for every change of one alert, and the same again when a replay recomputes it
 * @param status {@code open} or {@code resolved}
 * @param resolvedAt when it was resolved, or {@code null} while open
 * @param changedAt device time of this change: the signal's, or the previous change's when the signal came from a
 *     late reading (a store keeps the change with the newest time)
 * @param reopened how many times the problem came back soon after it was resolved and reopened this alert
 */
public record AlertChange(
        String id,
        String tenant,
        String subject,
        String problem,
        Severity severity,
        String status,
        Instant openedAt,
        Instant resolvedAt,
        Instant changedAt,
        int reopened,
        String detail,
        double latitude,
        double longitude) {

    public static final String OPEN = "open";
    public static final String RESOLVED = "resolved";
}
