package city.mycity.simulator;

import city.mycity.reading.Quantity;
import city.mycity.reading.RefusalReason;
import city.mycity.reading.ResolvedRecord;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.SensorKind;
import city.mycity.simulator.fault.Fault;
import city.mycity.simulator.fault.Message;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Exactly what the simulator sent, so that a test can check the platform's accounting (for every stage, received =
 * stored + duplicate + refused). Only copies the transport confirmed (MQTT PUBACK, CoAP 2.xx) are counted as sent.
 *
 * <ul>
 *   <li>{@link #validReadings()}: distinct readings the platform must store, one per valid SenML record (tenant,
 *       device, quantity, device time), counted on the first confirmed copy of each message.
 *   <li>{@link #duplicateMessages()} and {@link #duplicateReadings()}: later copies of a message already sent, and the
 *       valid readings they carry again; the platform must count those as duplicates and store nothing.
 *   <li>{@link #refusals(RefusalReason)}: refused readings in every confirmed copy, counted as the validator counts
 *       them (a malformed or unknown-device message sent alone is one refusal, a bad record one refusal each; in a
 *       gateway pack an unknown device's records are refused one by one). A duplicated invalid message is refused
 *       again, so it counts twice here; {@link #distinctRefusals(RefusalReason)} counts it once when it was sent alone,
 *       which is what a refusal store keyed on the payload holds (each copy carried in a gateway pack is in a different
 *       pack, or at another place in one, so there it counts every time).
 *   <li>{@link #droppedMessages()} and {@link #droppedReadings()}: messages lost before sending (their sequence numbers
 *       leave a gap); they count nowhere else. A dropped message's readings are never sent, so never refused either.
 *   <li>{@link #sendFailures()}: copies the transport failed to deliver; they count nowhere else (the receiver may
 *       still have seen them, which is why a healthy test expects none).
 * </ul>
 *
 * Thread-safe: transports confirm from their own threads.
 */
public final class Ledger {

    private final LongAdder generated = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder duplicateMessages = new LongAdder();
    private final LongAdder valid = new LongAdder();
    private final LongAdder duplicateReadings = new LongAdder();
    private final LongAdder droppedMessages = new LongAdder();
    private final LongAdder droppedReadings = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final Map<RefusalReason, LongAdder> refusals = adders(RefusalReason.class);
    private final Map<RefusalReason, LongAdder> distinctRefusals = adders(RefusalReason.class);
    private final Map<Fault, LongAdder> faults = adders(Fault.class);
    private final boolean tallying;
    private final Map<String, DeviceTally> tallies = new ConcurrentHashMap<>();

    /** A ledger of counts only. */
    public Ledger() {
        this(false);
    }

    /**
     * A ledger that also keeps, when {@code tallying}, a {@link DeviceTally} per device of the distinct valid readings
     * of messages without faults, or with one record spoilt ({@link #ONE_RECORD_SPOILT}: a broken probe's), for a store
     * to be checked device by device.
     */
    /** Faults that spoil one record of a message and leave the others valid: the tally counts the others. */
    static final Set<Fault> ONE_RECORD_SPOILT = EnumSet.of(Fault.VALUE_OUT_OF_RANGE, Fault.WRONG_UNIT);

    public Ledger(boolean tallying) {
        this.tallying = tallying;
    }

    /** A device produced the message (whether or not it will be sent), to go alone on its device topic. */
    void produced(Message message) {
        produced(message, false);
    }

    /** A device produced the message (whether or not it will be sent), to go alone or in a gateway pack. */
    void produced(Message message, boolean inGatewayPack) {
        generated.increment();
        for (Fault fault : message.faults()) {
            faults.get(fault).increment();
        }
        if (message.copies() == 0) {
            droppedMessages.increment();
            droppedReadings.add(message.readings(inGatewayPack));
        }
    }

    /** The transport confirmed one copy of the message, sent alone on its device topic. */
    void delivered(Message message) {
        delivered(message, false);
    }

    /** The transport confirmed one copy of the message, sent alone or in a gateway pack. */
    void delivered(Message message, boolean inGatewayPack) {
        sent.increment();
        boolean first = message.markDelivered();
        if (first) {
            valid.add(message.validReadings());
            if (tallying) {
                tally(message);
            }
        } else {
            duplicateMessages.increment();
            duplicateReadings.add(message.validReadings());
        }
        for (RefusalReason reason : message.refusals(inGatewayPack)) {
            refusals.get(reason).increment();
            if (first || inGatewayPack) {
                distinctRefusals.get(reason).increment();
            }
        }
    }

    private void tally(Message message) {
        if (!ONE_RECORD_SPOILT.containsAll(message.faults()) || message.pack() == null) {
            return;
        }
        String prefix = SenmlPack.baseNameOf(message.tenant(), message.sensor().id());
        SensorKind kind = message.sensor().kind();
        DeviceTally added = DeviceTally.NONE;
        for (ResolvedRecord record : message.pack().resolve()) {
            Optional<Quantity> quantity = record.name().startsWith(prefix)
                    ? kind.quantity(record.name().substring(prefix.length()))
                    : Optional.empty();
            boolean valid = record.value() != null
                    && quantity.isPresent()
                    && quantity.get().accepts(record.value())
                    && quantity.get().unit().equals(record.unit());
            if (valid) {
                added = added.plus(Math.round(record.time() * 1000), record.value());
            }
        }
        tallies.merge(message.tenant() + "/" + message.sensor().id(), added, DeviceTally::plus);
    }

    /**
     * The tally of each device ({@code tenant/device}) over the distinct valid readings of messages without faults or
     * with one record spoilt, or an empty map when this ledger does not tally.
     */
    public Map<String, DeviceTally> tallies() {
        return Map.copyOf(tallies);
    }

    /** The transport could not deliver one copy of the message. */
    void failed(Message message) {
        failures.increment();
    }

    /** Messages the devices produced, dropped ones included, each counted once however often it was sent. */
    public long messagesProduced() {
        return generated.sum();
    }

    /** Copies of messages the transport confirmed, duplicates included. */
    public long messagesSent() {
        return sent.sum();
    }

    public long duplicateMessages() {
        return duplicateMessages.sum();
    }

    /** Distinct valid readings sent: what the platform must store. */
    public long validReadings() {
        return valid.sum();
    }

    /** Valid readings sent again in duplicate copies: what the platform must count as duplicates. */
    public long duplicateReadings() {
        return duplicateReadings.sum();
    }

    public long droppedMessages() {
        return droppedMessages.sum();
    }

    /** The readings that dropped messages would have counted for. */
    public long droppedReadings() {
        return droppedReadings.sum();
    }

    public long sendFailures() {
        return failures.sum();
    }

    /** Refused readings of the given reason over every confirmed copy. */
    public long refusals(RefusalReason reason) {
        return refusals.get(reason).sum();
    }

    /** Refused readings over every confirmed copy. */
    public long refusals() {
        return sum(refusals);
    }

    /**
     * Refused readings of the given reason as a refusal store keyed on the bytes received holds them: a message sent
     * alone counts once however often it was sent, a copy carried in a gateway pack every time.
     */
    public long distinctRefusals(RefusalReason reason) {
        return distinctRefusals.get(reason).sum();
    }

    public long distinctRefusals() {
        return sum(distinctRefusals);
    }

    /** Refused readings by reason over every confirmed copy, reasons with none left out. */
    public Map<RefusalReason, Long> refusalsByReason() {
        Map<RefusalReason, Long> byReason = new EnumMap<>(RefusalReason.class);
        refusals.forEach((reason, count) -> {
            if (count.sum() > 0) {
                byReason.put(reason, count.sum());
            }
        });
        return Collections.unmodifiableMap(byReason);
    }

    /** Messages produced with the given fault (dropped ones included). */
    public long faults(Fault fault) {
        return faults.get(fault).sum();
    }

    /**
     * Readings received as the platform counts them, over every confirmed copy: {@code validReadings +
     * duplicateReadings + refusals}. A receiving stage must report exactly this many, and store, count as duplicate
     * and refuse them in these parts.
     */
    public long readingsSent() {
        return validReadings() + duplicateReadings() + refusals();
    }

    @Override
    public String toString() {
        return "Ledger[sent=" + messagesSent() + " messages, " + readingsSent() + " readings: " + validReadings()
                + " valid, " + duplicateReadings() + " duplicate, " + refusals() + " refused " + refusalsByReason()
                + "; dropped=" + droppedMessages() + ", failed=" + sendFailures() + "]";
    }

    private static long sum(Map<?, LongAdder> adders) {
        long total = 0;
        for (LongAdder adder : adders.values()) {
            total += adder.sum();
        }
        return total;
    }

    private static <E extends Enum<E>> Map<E, LongAdder> adders(Class<E> type) {
        Map<E, LongAdder> map = new EnumMap<>(type);
        for (E constant : type.getEnumConstants()) {
            map.put(constant, new LongAdder());
        }
        return Collections.unmodifiableMap(map);
    }
}
