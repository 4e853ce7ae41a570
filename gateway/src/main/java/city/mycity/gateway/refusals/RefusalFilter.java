package city.mycity.gateway.refusals;

import java.time.Instant;

/**
 * Which refused messages an operator looks at or re-injects. Every field but {@code limit} may be {@code null}:
 * no condition.
 *
 * @param tenant only refusals of this council
 * @param reason only messages refused with this primary reason (e.g. {@code unknown_device})
 * @param device only refusals naming this device
 * @param since only messages received at or after this time
 * @param limit the most messages
 */
public record RefusalFilter(String tenant, String reason, String device, Instant since, int limit) {

    public RefusalFilter {
        if (limit < 1) {
            throw new IllegalArgumentException("Refusal limit must be at least 1, was " + limit + ".");
        }
    }
}
