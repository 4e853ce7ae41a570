package city.mycity.edge.outbox;

/**
 * One stored device message.
 *
 * @param id its place in the outbox: later messages have higher ids
 * @param gateway the gateway it goes up through
 * @param device the device that sent it
 * @param packable whether it joins a gateway pack; if not, it goes alone on its device topic
 * @param senml SenML JSON; self-contained (base fields applied) when it joins a pack, so that it joins as it is
 * @param readings its records
 * @param storedAtMillis when the gateway stored it, epoch milliseconds
 */
public record OutboxEntry(
        long id, String gateway, String device, boolean packable, byte[] senml, int readings, long storedAtMillis) {}
