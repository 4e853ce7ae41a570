package city.mycity.simulator.fault;

import city.mycity.citymodel.Sensor;
import city.mycity.reading.RefusalReason;
import city.mycity.reading.SenmlPack;
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
 * @param pack the payload as a SenML pack, for a gateway to join into a gateway pack; {@code null} when the payload is
 *     not SenML (a malformed payload), so that it can only go alone on its device topic
 * @param validReadings how many readings of one copy the platform should accept
 * @param refusals the reason of each reading of one copy sent alone on its device topic that the platform should
 *     refuse, one entry per refusal
 * @param refusalsInGatewayPack the same for one copy carried in a gateway pack, where the platform checks each record's
 *     device on its own: an unknown device's message is refused record by record there, not as a whole
 * @param faults every fault applied to the message
 * @param copies how many times the message is sent: 0 (dropped), 1, or 2 (duplicate)
 */
public record Message(
        Sensor sensor,
        String tenant,
        long sequence,
        long timeMillis,
        int contentFormat,
        byte[] payload,
        SenmlPack pack,
        int validReadings,
        List<RefusalReason> refusals,
        List<RefusalReason> refusalsInGatewayPack,
        Set<Fault> faults,
        int copies,
        AtomicBoolean delivered) {

    public Message {
        refusals = List.copyOf(refusals);
        refusalsInGatewayPack = List.copyOf(refusalsInGatewayPack);
        faults = Set.copyOf(faults);
    }

    /** The readings one copy sent alone counts for at the platform: valid ones plus refused ones. */
    public int readings() {
        return readings(false);
    }

    /** The readings one copy counts for at the platform, alone or in a gateway pack: valid ones plus refused ones. */
    public int readings(boolean inGatewayPack) {
        return validReadings + refusals(inGatewayPack).size();
    }

    /** The refusals of one copy, alone or in a gateway pack. */
    public List<RefusalReason> refusals(boolean inGatewayPack) {
        return inGatewayPack ? refusalsInGatewayPack : refusals;
    }

    /** Marks a copy delivered; true for the first copy the transport confirmed, false for any later one. */
    public boolean markDelivered() {
        return delivered.compareAndSet(false, true);
    }

    public boolean has(Fault fault) {
        return faults.contains(fault);
    }
}
