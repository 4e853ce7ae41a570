package city.mycity.simulator.fault;

import city.mycity.citymodel.Sensor;
import city.mycity.reading.RefusalReason;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One message a simulated device produced, faults applied, with what the platform should make of it.
 *
 * @param sensor the device the message is addressed as: the real sensor, or an unregistered one with the same gateway
 *     for {@link Fault#UNKNOWN_DEVICE}
 * @param tenant the tenant the message is sent for
 * @param sequence the device's sequence number (one per message it produces, dropped ones included)
 * @param timeMillis the device time, epoch milliseconds
 * @param payload the bytes to send (identical for every copy)
 * @param validReadings how many readings of one copy the platform should accept
 * @param refusals the reason of each reading of one copy the platform should refuse, one entry per refusal
 * @param faults every fault applied to the message
 * @param copies how many times the message is sent: 0 (dropped), 1, or 2 (duplicate)
 */
public record Message(
        Sensor sensor,
        String tenant,
        long sequence,
        long timeMillis,
        byte[] payload,
        int validReadings,
        List<RefusalReason> refusals,
        Set<Fault> faults,
        int copies,
        AtomicBoolean delivered) {

    public Message {
        refusals = List.copyOf(refusals);
        faults = Set.copyOf(faults);
    }

    /** The readings one copy counts for at the platform: valid ones plus refused ones. */
    public int readings() {
        return validReadings + refusals.size();
    }

    /** Marks a copy delivered; true for the first copy the transport confirmed, false for any later one. */
    public boolean markDelivered() {
        return delivered.compareAndSet(false, true);
    }

    public boolean has(Fault fault) {
        return faults.contains(fault);
    }
}
