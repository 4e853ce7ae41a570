package city.mycity.edge.outbox;

/**
 * What an outbox holds.
 *
 * @param messages device messages stored and not yet published
 * @param readings their readings
 * @param bytes their SenML bytes
 * @param oldestStoredAtMillis when the oldest of them was stored, epoch milliseconds; 0 when there is none
 * @param evictedReadings readings dropped since the outbox was opened, to make room when it was full
 * @param refusedReadings readings the broker refused for good since the outbox was opened, kept aside unsent
 */
public record OutboxState(
        long messages,
        long readings,
        long bytes,
        long oldestStoredAtMillis,
        long evictedReadings,
        long refusedReadings) {

    /** Milliseconds since the oldest message was stored, as of {@code nowMillis}; 0 when there is none. */
    public long oldestAgeMillis(long nowMillis) {
        return oldestStoredAtMillis == 0 ? 0 : nowMillis - oldestStoredAtMillis;
    }
}
