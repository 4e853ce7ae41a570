package city.mycity.simulator.fault;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How often each {@link Fault} happens, as a share of the messages the devices produce (0 to 1). Delivery faults
 * ({@link Fault#DROPPED}, {@link Fault#DUPLICATE}) are drawn independently of content faults (the ones that make the
 * platform refuse readings) and of {@link Fault#STUCK}, so a malformed message may also be duplicated or dropped.
 * Immutable.
 */
public final class FaultProfile {

    private static final FaultProfile NONE = builder().build();
    private static final FaultProfile DEMO = builder()
            .stuck(0.01)
            .dropped(0.005)
            .duplicate(0.01)
            .malformedPayload(0.002)
            .valueOutOfRange(0.003)
            .wrongUnit(0.002)
            .unknownDevice(0.002)
            .missingTime(0.002)
            .build();

    private final Map<Fault, Double> rates;

    private FaultProfile(Map<Fault, Double> rates) {
        this.rates = Collections.unmodifiableMap(new EnumMap<>(rates));
    }

    /** No faults at all: every message is sent once and every reading is valid. */
    public static FaultProfile none() {
        return NONE;
    }

    /**
     * Small but visible rates for the demo: 1 % stuck, 0.5 % dropped, 1 % duplicated, 0.3 % out of range and 0.2 %
     * each of malformed payload, wrong unit, unknown device and missing time.
     */
    public static FaultProfile demo() {
        return DEMO;
    }

    /** A builder with every rate at 0. */
    public static Builder builder() {
        return new Builder();
    }

    /** The share of messages with the given fault, 0 to 1. */
    public double rate(Fault fault) {
        return rates.getOrDefault(fault, 0.0);
    }

    /** The sum of the content faults' rates: the share of messages with something the platform must refuse. */
    public double contentRate() {
        double sum = 0;
        for (Fault fault : Fault.values()) {
            if (fault.isContentFault()) {
                sum += rate(fault);
            }
        }
        return sum;
    }

    /** A builder starting from these rates. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.rates.putAll(rates);
        return builder;
    }

    @Override
    public String toString() {
        return "FaultProfile" + rates;
    }

    /** Sets rates, each a share of messages from 0 to 1. Every rate is 0 unless set. */
    public static final class Builder {
        private final Map<Fault, Double> rates = new EnumMap<>(Fault.class);

        private Builder() {}

        /** The share of messages with the given fault. By default, 0. */
        public Builder rate(Fault fault, double rate) {
            if (fault == null) {
                throw new IllegalArgumentException("Fault must not be null.");
            }
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("Fault rate must be within [0, 1], but " + fault + " was " + rate);
            }
            rates.put(fault, rate);
            return this;
        }

        /** The share of messages that repeat a stuck value (in episodes of about 12 messages). By default, 0. */
        public Builder stuck(double rate) {
            return rate(Fault.STUCK, rate);
        }

        /** The share of messages lost and never sent. By default, 0. */
        public Builder dropped(double rate) {
            return rate(Fault.DROPPED, rate);
        }

        /** The share of messages sent twice, byte for byte. By default, 0. */
        public Builder duplicate(double rate) {
            return rate(Fault.DUPLICATE, rate);
        }

        /** The share of messages with a truncated or garbage payload. By default, 0. */
        public Builder malformedPayload(double rate) {
            return rate(Fault.MALFORMED_PAYLOAD, rate);
        }

        /** The share of messages with one value out of its quantity's range. By default, 0. */
        public Builder valueOutOfRange(double rate) {
            return rate(Fault.VALUE_OUT_OF_RANGE, rate);
        }

        /** The share of messages with one record in the wrong unit. By default, 0. */
        public Builder wrongUnit(double rate) {
            return rate(Fault.WRONG_UNIT, rate);
        }

        /** The share of messages sent under a device id that is not in the city. By default, 0. */
        public Builder unknownDevice(double rate) {
            return rate(Fault.UNKNOWN_DEVICE, rate);
        }

        /** The share of messages without a device time. By default, 0. */
        public Builder missingTime(double rate) {
            return rate(Fault.MISSING_TIME, rate);
        }

        /** The profile; rejects rates that cannot all happen (delivery or content rates summing past 1). */
        public FaultProfile build() {
            FaultProfile profile = new FaultProfile(rates);
            if (profile.rate(Fault.DROPPED) + profile.rate(Fault.DUPLICATE) > 1) {
                throw new IllegalStateException("Dropped and duplicate rates must not sum to more than 1.");
            }
            if (profile.contentRate() > 1 + 1e-9) {
                throw new IllegalStateException(
                        "Malformed, out-of-range, wrong-unit, unknown-device and missing-time rates must not sum to"
                                + " more than 1, but sum to " + profile.contentRate());
            }
            if (profile.rate(Fault.STUCK) >= 1) {
                throw new IllegalStateException("Stuck rate must be below 1.");
            }
            return profile;
        }
    }
}
