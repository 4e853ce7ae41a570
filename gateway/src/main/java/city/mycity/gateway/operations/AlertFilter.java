package city.mycity.gateway.operations;

import java.time.Instant;
import java.util.Objects;

/**
 * Which alerts of the council's queue an answer holds.
 *
 * @param kind only the alerts of sensors of this kind, or {@code null}
 * @param zone only the alerts of devices in this zone, or {@code null}
 * @param since only the alerts that changed (opened, acknowledged, resolved, reopened) after this, or {@code null}
 * @param limit at most this many, newest first
 */
public record AlertFilter(AlertStatusFilter status, String kind, String zone, Instant since, int limit) {

    public AlertFilter {
        Objects.requireNonNull(status, "Status filter must not be null.");
        if (limit < 1) {
            throw new IllegalArgumentException("Limit must be at least 1, but was " + limit + ".");
        }
    }
}
