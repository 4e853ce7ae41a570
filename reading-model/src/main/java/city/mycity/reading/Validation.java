package city.mycity.reading;

import java.util.List;

/**
 * What the validator made of one message: the readings it accepted and the refusals, one per refused reading.
 * {@code accepted().size() + refused().size()} is the number of readings the message counts for.
 */
public record Validation(List<Reading> accepted, List<Refusal> refused) {

    public Validation {
        accepted = List.copyOf(accepted);
        refused = List.copyOf(refused);
    }

    public int readingCount() {
        return accepted.size() + refused.size();
    }
}
