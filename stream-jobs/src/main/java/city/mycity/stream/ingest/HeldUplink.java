package city.mycity.stream.ingest;

import city.mycity.reading.Uplink;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * A message, or some records of it, held until the registry knows its device (see {@link RegistryWait}).
 *
 * @param records the indices of the held records, or none when the message is held whole
 * @param heldSince when it was first held, in epoch milliseconds of processing time
 */
public record HeldUplink(String topic, byte[] payload, Instant receivedAt, int[] records, long heldSince) {

    public Uplink uplink() {
        return new Uplink(topic, payload, receivedAt);
    }

    public boolean isWhole() {
        return records.length == 0;
    }

    /** Which records a second look validates: every one of a whole message, else the held ones. */
    public IntPredicate wanted() {
        if (isWhole()) {
            return index -> true;
        }
        return index -> Arrays.binarySearch(records, index) >= 0;
    }

    /** How many readings are held: one for a whole message, one per held record otherwise. */
    public int readingCount() {
        return isWhole() ? 1 : records.length;
    }

    /** The same message, holding only these records. */
    public HeldUplink withRecords(int[] remaining) {
        return new HeldUplink(topic, payload, receivedAt, remaining, heldSince);
    }
}
