package city.mycity.bench;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What one bench run measures, and for how long. Build with {@link #builder()} (the full run) or {@link #quick()} (a
 * smoke run of a minute or two); every setter states its default, and {@link Builder#build()} rejects inconsistent
 * values.
 */
public final class BenchOptions {

    private final boolean quick;
    private final Set<MessageForm> forms;
    private final Duration hold;
    private final Duration settle;
    private final Duration warmUp;
    private final Duration probeHold;
    private final Map<MessageForm, Double> startRates;
    private final double stepFactor;
    private final double probeFactor;
    private final int maxSteps;
    private final double latencyShare;
    private final boolean unchained;
    private final BrokerChoice broker;
    private final int databaseRows;
    private final Duration brokerHold;
    private final int packReadings;
    private final Duration packLinger;
    private final Duration drainTimeout;
    private final long seed;

    private BenchOptions(Builder builder) {
        this.quick = builder.quick;
        this.forms = Collections.unmodifiableSet(EnumSet.copyOf(builder.forms));
        this.hold = builder.hold;
        this.settle = builder.settle;
        this.warmUp = builder.warmUp;
        this.probeHold = builder.probeHold;
        this.startRates = Collections.unmodifiableMap(new EnumMap<>(builder.startRates));
        this.stepFactor = builder.stepFactor;
        this.probeFactor = builder.probeFactor;
        this.maxSteps = builder.maxSteps;
        this.latencyShare = builder.latencyShare;
        this.unchained = builder.unchained;
        this.broker = builder.broker;
        this.databaseRows = builder.databaseRows;
        this.brokerHold = builder.brokerHold;
        this.packReadings = builder.packReadings;
        this.packLinger = builder.packLinger;
        this.drainTimeout = builder.drainTimeout;
        this.seed = builder.seed;
    }

    /** The full run's settings: each rate held 30 s with its backlog flat. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A smoke run of a minute or two: few rows, short holds (6 s, so its rates are not "sustained" in the 30 s sense),
     * at most three rate steps per form, coarse steps of x1.5.
     */
    public static Builder quick() {
        Builder quick = new Builder();
        quick.quick = true;
        quick.hold = Duration.ofSeconds(6);
        quick.settle = Duration.ofSeconds(2);
        quick.warmUp = Duration.ofSeconds(2);
        quick.probeHold = Duration.ZERO;
        quick.startRates.put(MessageForm.PACKS, 10_000.0);
        quick.startRates.put(MessageForm.DEVICES, 3_000.0);
        quick.stepFactor = 1.5;
        quick.maxSteps = 3;
        quick.databaseRows = 30_000;
        quick.brokerHold = Duration.ofSeconds(4);
        quick.drainTimeout = Duration.ofSeconds(30);
        return quick;
    }

    public boolean isQuick() {
        return quick;
    }

    public Set<MessageForm> forms() {
        return forms;
    }

    public Duration hold() {
        return hold;
    }

    public Duration settle() {
        return settle;
    }

    public Duration warmUp() {
        return warmUp;
    }

    public Duration probeHold() {
        return probeHold;
    }

    public double startRate(MessageForm form) {
        return startRates.get(form);
    }

    public double stepFactor() {
        return stepFactor;
    }

    public double probeFactor() {
        return probeFactor;
    }

    public int maxSteps() {
        return maxSteps;
    }

    public double latencyShare() {
        return latencyShare;
    }

    public boolean unchained() {
        return unchained;
    }

    public BrokerChoice broker() {
        return broker;
    }

    public int databaseRows() {
        return databaseRows;
    }

    public Duration brokerHold() {
        return brokerHold;
    }

    public int packReadings() {
        return packReadings;
    }

    public Duration packLinger() {
        return packLinger;
    }

    public Duration drainTimeout() {
        return drainTimeout;
    }

    public long seed() {
        return seed;
    }

    /** Settings of a bench run. */
    public static final class Builder {
        private boolean quick;
        private Set<MessageForm> forms = EnumSet.allOf(MessageForm.class);
        private Duration hold = Duration.ofSeconds(30);
        private Duration settle = Duration.ofSeconds(5);
        private Duration warmUp = Duration.ofSeconds(15);
        private Duration probeHold = Duration.ofSeconds(10);
        private final Map<MessageForm, Double> startRates = new EnumMap<>(Map.of(
                MessageForm.PACKS, 25_000.0,
                MessageForm.DEVICES, 6_000.0));
        private double stepFactor = 1.25;
        private double probeFactor = 2;
        private int maxSteps = 24;
        private double latencyShare = 0.8;
        private boolean unchained = true;
        private BrokerChoice broker = BrokerChoice.EMBEDDED;
        private int databaseRows = 400_000;
        private Duration brokerHold = Duration.ofSeconds(15);
        private int packReadings = 200;
        private Duration packLinger = Duration.ofMillis(50);
        private Duration drainTimeout = Duration.ofSeconds(120);
        private long seed = 42;

        private Builder() {}

        /** Which message forms the pipeline runs in. By default, both. */
        public Builder forms(Set<MessageForm> forms) {
            this.forms = forms == null || forms.isEmpty() ? EnumSet.noneOf(MessageForm.class) : EnumSet.copyOf(forms);
            return this;
        }

        /**
         * How long the backlog must stay flat at a rate for the rate to count as sustained, and how long the latency
         * run at {@link #latencyShare} of the best rate lasts. By default, 30 s (quick: 6 s).
         */
        public Builder hold(Duration hold) {
            this.hold = hold;
            return this;
        }

        /** How long each new rate runs before the backlog is judged. By default, 5 s (quick: 2 s). */
        public Builder settle(Duration settle) {
            this.settle = settle;
            return this;
        }

        /**
         * How long each job runs at a low rate, once it stored its first reading, before the first step: time for the
         * JIT compiler. By default, 15 s (quick: 2 s).
         */
        public Builder warmUp(Duration warmUp) {
            this.warmUp = warmUp;
            return this;
        }

        /**
         * How long each coarse probe (rates doubling from the start rate) holds before the fine steps; zero skips the
         * probes. By default, 10 s (quick: none).
         */
        public Builder probeHold(Duration probeHold) {
            this.probeHold = probeHold;
            return this;
        }

        /**
         * The first rate tried for a form, in readings per second. By default, 25,000 for gateway packs and 6,000 for
         * one message per device (quick: 10,000 and 3,000).
         */
        public Builder startRate(MessageForm form, double readingsPerSecond) {
            startRates.put(form, readingsPerSecond);
            return this;
        }

        /** The factor between two fine rate steps. By default, 1.25 (quick: 1.5). */
        public Builder stepFactor(double stepFactor) {
            this.stepFactor = stepFactor;
            return this;
        }

        /** The factor between two coarse probes. By default, 2. */
        public Builder probeFactor(double probeFactor) {
            this.probeFactor = probeFactor;
            return this;
        }

        /** The most rate steps per form, probes included. By default, 24 (quick: 3). */
        public Builder maxSteps(int maxSteps) {
            this.maxSteps = maxSteps;
            return this;
        }

        /** The share of the best sustained rate at which latency is measured. By default, 0.8. */
        public Builder latencyShare(double latencyShare) {
            this.latencyShare = latencyShare;
            return this;
        }

        /** Whether to run the job again with its sinks unchained from the source, at the same rates. By default, true. */
        public Builder unchained(boolean unchained) {
            this.unchained = unchained;
            return this;
        }

        /** The broker started when {@code MYCITY_MQTT_URL} is not set. By default, the embedded HiveMQ CE. */
        public Builder broker(BrokerChoice broker) {
            this.broker = broker;
            return this;
        }

        /** Rows written by each database method. By default, 400,000 (quick: 30,000). */
        public Builder databaseRows(int databaseRows) {
            this.databaseRows = databaseRows;
            return this;
        }

        /** How long the broker ceiling publishes in each form. By default, 15 s (quick: 4 s). */
        public Builder brokerHold(Duration brokerHold) {
            this.brokerHold = brokerHold;
            return this;
        }

        /** Readings per gateway pack, and how long a pack waits to fill. By default, 200 readings and 50 ms. */
        public Builder packs(int readings, Duration linger) {
            this.packReadings = readings;
            this.packLinger = linger;
            return this;
        }

        /** How long to wait for a grown backlog to be stored before the next step. By default, 120 s (quick: 30 s). */
        public Builder drainTimeout(Duration drainTimeout) {
            this.drainTimeout = drainTimeout;
            return this;
        }

        /** Seed of the generated town and of the simulation. By default, 42. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public BenchOptions build() {
            if (forms.isEmpty()) {
                throw new IllegalStateException("Bench forms must name at least one message form.");
            }
            requirePositive("Hold", hold);
            requirePositive("Broker hold", brokerHold);
            requirePositive("Drain timeout", drainTimeout);
            if (settle == null
                    || settle.isNegative()
                    || probeHold == null
                    || probeHold.isNegative()
                    || warmUp == null
                    || warmUp.isNegative()) {
                throw new IllegalStateException("Settle, warm-up and probe hold must not be negative.");
            }
            for (MessageForm form : MessageForm.values()) {
                Double rate = startRates.get(form);
                if (rate == null || !(rate > 0) || rate.isInfinite()) {
                    throw new IllegalStateException(
                            "Start rate of " + form.code() + " must be a positive number, but was " + rate + ".");
                }
            }
            if (!(stepFactor > 1) || !(probeFactor >= stepFactor)) {
                throw new IllegalStateException(
                        "Step factor must be above 1 and the probe factor at least as large, but" + " were "
                                + stepFactor + " and " + probeFactor + ".");
            }
            if (maxSteps < 1) {
                throw new IllegalStateException("Max steps must be at least 1, but was " + maxSteps + ".");
            }
            if (!(latencyShare > 0 && latencyShare <= 1)) {
                throw new IllegalStateException("Latency share must be in (0, 1], but was " + latencyShare + ".");
            }
            if (broker == null) {
                throw new IllegalStateException("Broker choice must not be null.");
            }
            if (databaseRows < 1000) {
                throw new IllegalStateException("Database rows (" + databaseRows + ") must be at least 1000.");
            }
            if (packReadings < 1 || packReadings > 2048) {
                throw new IllegalStateException("Readings per pack must be 1-2048, but was " + packReadings + ".");
            }
            requirePositive("Pack linger", packLinger);
            return new BenchOptions(this);
        }

        private static void requirePositive(String what, Duration duration) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalStateException(what + " must be positive, but was " + duration + ".");
            }
        }
    }
}
