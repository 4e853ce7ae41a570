package city.mycity.simulator.fault;

import city.mycity.reading.RefusalReason;
import java.util.Optional;

/** What can go wrong with a simulated message, and the refusal the platform must answer it with, if any. */
public enum Fault {
    /** The sensor repeats its last value for a while (still a valid reading: only analytics can tell). */
    STUCK(null),
    /** The message is lost on the way and never sent. */
    DROPPED(null),
    /** The message is sent twice, byte for byte: the platform must store its readings once. */
    DUPLICATE(null),
    /** The payload is truncated JSON or radio garbage, different every time. */
    MALFORMED_PAYLOAD(RefusalReason.MALFORMED_PAYLOAD),
    /** One record carries a value outside what the sensor can report. */
    VALUE_OUT_OF_RANGE(RefusalReason.VALUE_OUT_OF_RANGE),
    /** One record carries the wrong unit (m/s instead of km/h, K instead of Cel, ...). */
    WRONG_UNIT(RefusalReason.WRONG_UNIT),
    /** The message comes from a device id that is not in the city (a misconfigured or foreign device). */
    UNKNOWN_DEVICE(RefusalReason.UNKNOWN_DEVICE),
    /** The pack carries no base time, so none of its records has a device time. */
    MISSING_TIME(RefusalReason.MISSING_TIME);

    private final RefusalReason refusal;

    Fault(RefusalReason refusal) {
        this.refusal = refusal;
    }

    /** The reason the platform refuses the faulty reading(s) with, or empty when the fault keeps readings valid. */
    public Optional<RefusalReason> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** Whether the fault changes what is sent (as opposed to whether or how often it is sent, or its value). */
    public boolean isContentFault() {
        return refusal != null;
    }

    /** The fault's name in metrics, in lower snake case, e.g. {@code value_out_of_range}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
