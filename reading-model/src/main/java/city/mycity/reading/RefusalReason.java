package city.mycity.reading;

/** Why a reading was refused. The {@link #code()} is what metrics, tables and APIs show. */
public enum RefusalReason {
    /** The topic does not follow {@link UplinkTopic}. */
    MALFORMED_TOPIC,
    /** The payload is not a SenML JSON pack. */
    MALFORMED_PAYLOAD,
    /** The payload is larger, or has more records, than the platform accepts. */
    OVERSIZED,
    /** No device of that identifier is registered for the tenant. */
    UNKNOWN_DEVICE,
    /** The device is registered with a kind this platform does not know. */
    UNKNOWN_KIND,
    /** The pack names a device or tenant other than the one whose topic it came on. */
    DEVICE_MISMATCH,
    /** The device is registered behind another gateway than the one that forwarded its reading. */
    WRONG_GATEWAY,
    /** The record names a quantity the device's kind does not report. */
    UNKNOWN_QUANTITY,
    /** A field has the wrong JSON type, or a numeric quantity carries a string, boolean or data value. */
    WRONG_TYPE,
    /** The record has no value. */
    MISSING_VALUE,
    /** The record's unit is absent or is not the one its quantity is measured in. */
    WRONG_UNIT,
    /** The value is outside what a real sensor of that kind can report. */
    VALUE_OUT_OF_RANGE,
    /** The record has no absolute time (no time at all, or a SenML relative time). */
    MISSING_TIME,
    /** The record's time lies further in the future than the allowed clock skew. */
    TIME_IN_FUTURE;

    /**
     * Whether a registry change can make the same message acceptable (a device registered, or moved to this gateway,
     * moments ago): such refusals are held for a while and checked again.
     */
    public boolean awaitsRegistry() {
        return this == UNKNOWN_DEVICE || this == WRONG_GATEWAY;
    }

    /** The reason in lower snake case, e.g. {@code value_out_of_range}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
