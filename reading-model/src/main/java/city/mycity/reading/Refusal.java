package city.mycity.reading;

import java.time.Instant;
import java.util.List;

/**
 * A message, or one record of it, that the platform refused, with every reason. One refusal accounts for one
 * reading that was not stored (a whole message that could not be read counts as one).
 *
 * @param tenant the tenant the topic named, or {@code null} when the topic could not be read
 * @param device the device the topic named, or {@code null} when the topic could not be read
 * @param quantity the record's quantity when one record was refused, {@code null} for the whole message
 * @param recordIndex the record's index in the pack, -1 for the whole message
 * @param problems every reason, at least one, the first being the primary one
 * @param excerpt the start of the payload as text, for the operator who investigates
 * @param time the refused record's device time, {@code null} for the whole message or a record without one
 */
public record Refusal(
        String topic,
        String tenant,
        String gateway,
        String device,
        String quantity,
        int recordIndex,
        List<Problem> problems,
        Instant receivedAt,
        String excerpt,
        Instant time) {

    public Refusal {
        problems = List.copyOf(problems);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("A refusal needs at least one problem.");
        }
    }

    /**
     * Whether every problem is one a registry change can cure (see {@link RefusalReason#awaitsRegistry()}): then the
     * message may be held and checked again after the registry is reloaded.
     */
    public boolean awaitsRegistry() {
        return problems.stream().allMatch(p -> p.reason().awaitsRegistry());
    }

    /** The reason that metrics count this refusal under. */
    public RefusalReason primaryReason() {
        return problems.get(0).reason();
    }
}
