package city.mycity.simulator;

import city.mycity.citymodel.CityModel;
import city.mycity.codec.DeviceProfiles;
import city.mycity.settings.Settings;
import city.mycity.simulator.device.DayClock;
import city.mycity.simulator.fault.FaultProfile;
import city.mycity.simulator.fault.Message;
import city.mycity.simulator.incident.DeviceIncident;
import city.mycity.simulator.transport.DeviceLink;
import city.mycity.simulator.water.WaterIncident;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deterministic fleet of simulated sensors for a city model: every sensor follows its kind's daily pattern, faults
 * are injected at the profile's rates, and every message goes out through a {@link DeviceLink} and into the {@link
 * Ledger}. Given the same city, seed, start and fault profile, the devices produce the same messages in the same
 * order, whatever the transport, the speed or the rate.
 *
 * <p>Two ways to run it: bounded ({@link #runUntil(int)}, {@link #runFor(Duration)}), as fast as the message rate
 * allows, returning when every message sent was confirmed; or continuous ({@link #start()} ... {@link #close()}), on a
 * background thread, paced in simulated time by the speed factor. Runs continue where the previous one stopped.
 *
 * <p>The simulator does not own the link: close the link after the simulator.
 */
public final class Simulator implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(Simulator.class);

    private final CityModel city;
    private final Engine engine;
    private final Dispatcher dispatcher;
    private final Ledger ledger;
    private final double speed;
    private final Duration confirmTimeout;
    private final Object runLock = new Object();
    private final DeviceLink link;
    private volatile ContinuousRun continuous;
    private boolean opened;

    private Simulator(Builder builder) {
        this.city = builder.city;
        this.speed = builder.speed;
        this.confirmTimeout = builder.confirmTimeout;
        this.ledger = new Ledger(builder.tallyPerDevice);
        DayClock clock = new DayClock(builder.timeZone);
        Instant start = builder.start != null ? builder.start : defaultStart(builder.timeZone);
        this.engine = new Engine(
                Fleet.of(
                        city,
                        builder.seed,
                        builder.faults,
                        builder.frames,
                        builder.waterIncidents,
                        builder.deviceIncidents),
                clock,
                start.toEpochMilli());
        this.link = builder.link;
        this.dispatcher = new Dispatcher(builder.link, ledger, builder.messageRate, builder.registry);
        LOGGER.info(
                "Simulating {} sensors of {} from {} (seed {}, {})",
                city.sensors().size(),
                city.tenant(),
                start,
                builder.seed,
                builder.faults);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Monday 3 March 2025, 05:00 in the given zone. */
    static Instant defaultStart(ZoneId zone) {
        return LocalDateTime.of(2025, 3, 3, 5, 0).atZone(zone).toInstant();
    }

    /** Everything sent so far, over all runs. */
    public Ledger ledger() {
        return ledger;
    }

    /** Simulated time of the latest device wake-up. */
    public Instant simulatedNow() {
        return Instant.ofEpochMilli(engine.now());
    }

    public CityModel city() {
        return city;
    }

    /**
     * Runs until at least {@code messages} more copies were handed to the link (dropped messages do not count; a
     * duplicated message may take the count one past), as fast as the message rate allows, then waits for the link to
     * confirm them.
     */
    public SimulationSummary runUntil(int messages) {
        if (messages < 0) {
            throw new IllegalArgumentException("Message count must not be negative: " + messages);
        }
        return bounded(target -> dispatcher.handedOver() < target, messages);
    }

    /** Runs through the given span of simulated time, as fast as the message rate allows, then waits for confirmations. */
    public SimulationSummary runFor(Duration simulated) {
        if (simulated == null || simulated.isNegative()) {
            throw new IllegalArgumentException("Simulated duration must be zero or positive: " + simulated);
        }
        long end = engine.now() + simulated.toMillis();
        return bounded(ignored -> engine.next() < end, 0);
    }

    private interface Condition {
        boolean goOn(long target);
    }

    private SimulationSummary bounded(Condition condition, int messages) {
        synchronized (runLock) {
            if (continuous != null) {
                throw new IllegalStateException(
                        "The simulator is running continuously; close it before a bounded run.");
            }
            long wallStart = System.nanoTime();
            openLink();
            Instant from = simulatedNow();
            long produced = ledger.messagesProduced();
            long handed = dispatcher.handedOver();
            long target = handed + messages;
            while (condition.goOn(target) && !Thread.currentThread().isInterrupted()) {
                Message message = engine.step();
                if (message != null) {
                    dispatcher.dispatch(message);
                }
            }
            long unconfirmed = dispatcher.awaitConfirmations(confirmTimeout);
            if (unconfirmed > 0) {
                LOGGER.warn("{} messages still unconfirmed after {}", unconfirmed, confirmTimeout);
            }
            return new SimulationSummary(
                    ledger.messagesProduced() - produced,
                    dispatcher.handedOver() - handed,
                    unconfirmed,
                    from,
                    simulatedNow(),
                    Duration.ofNanos(System.nanoTime() - wallStart));
        }
    }

    /** Starts sending in the background, paced by the speed factor, until {@link #close()}. */
    public void start() {
        synchronized (runLock) {
            if (continuous != null) {
                throw new IllegalStateException("The simulator is already running.");
            }
            openLink();
            continuous = new ContinuousRun(engine, dispatcher, speed, city.tenant());
            continuous.start();
        }
    }

    /** Lets the link prepare for the city's devices, once, before the first run. Called under the run lock. */
    private void openLink() {
        if (!opened) {
            link.open(city.tenant(), city.sensors());
            opened = true;
        }
    }

    public boolean isRunning() {
        return continuous != null;
    }

    /** Stops a continuous run and waits (up to the confirmation timeout) for the link to confirm what was sent. */
    @Override
    public void close() {
        ContinuousRun run = continuous;
        if (run == null) {
            return;
        }
        run.stop();
        long unconfirmed = dispatcher.awaitConfirmations(confirmTimeout);
        if (unconfirmed > 0) {
            LOGGER.warn("Closed with {} messages unconfirmed", unconfirmed);
        }
        continuous = null;
        LOGGER.info("Simulator stopped at {}: {}", simulatedNow(), ledger);
    }

    /** Settings of a {@link Simulator}; only the city and the link have no default. */
    public static final class Builder {
        private CityModel city;
        private long seed = 42;
        private ZoneId timeZone = ZoneOffset.UTC;
        private Instant start;
        private double speed = 60;
        private double messageRate = 2_000;
        private FaultProfile faults = FaultProfile.demo();
        private DeviceLink link;
        private MeterRegistry registry = Metrics.globalRegistry;
        private Duration confirmTimeout = Duration.ofSeconds(30);
        private boolean tallyPerDevice;
        private DeviceProfiles frames = DeviceProfiles.of(Map.of());
        private List<WaterIncident> waterIncidents = List.of();
        private List<DeviceIncident> deviceIncidents = List.of();

        private Builder() {}

        /**
         * Leaks and bursts that the water sensors see ({@link city.mycity.simulator.water.WaterIncidents#plan} plans
         * some). By default, none.
         */
        public Builder waterIncidents(List<WaterIncident> incidents) {
            this.waterIncidents = List.copyOf(incidents);
            return this;
        }

        /**
         * Devices that die, get stuck, crawl (a traffic counter) or overflow (a bin) for a while. By default, none.
         */
        public Builder deviceIncidents(List<DeviceIncident> incidents) {
            this.deviceIncidents = List.copyOf(incidents);
            return this;
        }

        /**
         * The devices that speak their vendors' byte frames instead of SenML, each as its profile says (its codec, a
         * bin's depth): {@link city.mycity.simulator.frames.VendorProfiles#of} gives a profile to every sensor of a
         * city. Give the gateway the same profiles, so that it can read the frames. By default, none: every device
         * sends SenML JSON.
         */
        public Builder vendorFrames(DeviceProfiles profiles) {
            this.frames = profiles;
            return this;
        }

        /**
         * Whether the ledger keeps a {@link DeviceTally} per device (of messages without faults), so that a store can
         * be checked device by device. By default, false: it costs a SenML resolution per message.
         */
        public Builder tallyPerDevice(boolean tallyPerDevice) {
            this.tallyPerDevice = tallyPerDevice;
            return this;
        }

        /**
         * Applies the {@link SimulatorSettings} that are given (seed, speed, rate, faults, start, time zone); the others
         * keep their current values.
         */
        public Builder settings(Settings settings) {
            if (settings.isSet(SimulatorSettings.SEED)) {
                seed = settings.get(SimulatorSettings.SEED);
            }
            if (settings.isSet(SimulatorSettings.SPEED)) {
                speed = settings.get(SimulatorSettings.SPEED);
            }
            if (settings.isSet(SimulatorSettings.RATE)) {
                messageRate = settings.get(SimulatorSettings.RATE);
            }
            if (settings.isSet(SimulatorSettings.FAULTS)) {
                faults = settings.get(SimulatorSettings.FAULTS);
            }
            if (settings.isSet(SimulatorSettings.START)) {
                start = settings.get(SimulatorSettings.START);
            }
            if (settings.isSet(SimulatorSettings.TIME_ZONE)) {
                timeZone = settings.get(SimulatorSettings.TIME_ZONE);
            }
            return this;
        }

        /** The city whose sensors to simulate. Required. */
        public Builder city(CityModel city) {
            this.city = city;
            return this;
        }

        /** The seed of every random choice: same seed, same messages. By default, 42. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The zone whose local time the daily patterns follow. By default, UTC. */
        public Builder timeZone(ZoneId timeZone) {
            this.timeZone = timeZone;
            return this;
        }

        /**
         * The simulated time at which the simulation starts. By default, Monday 3 March 2025 at 05:00 in the {@link
         * #timeZone(ZoneId) time zone}, so that runs are repeatable. A start close to now with a speed above 1 dates
         * readings in the future, which the platform refuses beyond its clock-skew allowance.
         */
        public Builder start(Instant start) {
            this.start = start;
            return this;
        }

        /** Simulated seconds per wall second in a continuous run. By default, 60 (a day in 24 minutes). */
        public Builder speed(double speed) {
            this.speed = speed;
            return this;
        }

        /**
         * The most message copies handed to the link per wall second, in every mode. By default, 2,000; {@link
         * Double#POSITIVE_INFINITY} for no limit.
         */
        public Builder messageRate(double messagesPerSecond) {
            this.messageRate = messagesPerSecond;
            return this;
        }

        /** Which faults to inject, and how often. By default, {@link FaultProfile#demo()}. */
        public Builder faults(FaultProfile faults) {
            this.faults = faults;
            return this;
        }

        /** Where messages go. Required. */
        public Builder link(DeviceLink link) {
            this.link = link;
            return this;
        }

        /** Where to register the metrics. By default, {@link Metrics#globalRegistry}. */
        public Builder meterRegistry(MeterRegistry registry) {
            this.registry = registry;
            return this;
        }

        /** How long a run waits at its end for the link to confirm what was sent. By default, 30 seconds. */
        public Builder confirmTimeout(Duration confirmTimeout) {
            this.confirmTimeout = confirmTimeout;
            return this;
        }

        public Simulator build() {
            if (city == null) {
                throw new IllegalStateException("City must not be null.");
            }
            if (link == null) {
                throw new IllegalStateException("Device link must not be null.");
            }
            if (city.sensors().isEmpty()) {
                throw new IllegalStateException("City " + city.tenant() + " has no sensors to simulate.");
            }
            if (timeZone == null || faults == null || registry == null || confirmTimeout == null || frames == null) {
                throw new IllegalStateException(
                        "Time zone, faults, vendor frames, meter registry and timeout must not be null.");
            }
            if (!frames.asMap().isEmpty() && !link.carriesFrames()) {
                throw new IllegalStateException("Devices that speak vendor frames need a link that carries them to a"
                        + " gateway (the CoAP link); " + link.getClass().getSimpleName() + " carries SenML only.");
            }
            if (!(speed > 0) || Double.isInfinite(speed)) {
                throw new IllegalStateException("Speed must be a positive number, but was " + speed);
            }
            if (!(messageRate > 0)) {
                throw new IllegalStateException("Message rate must be positive, but was " + messageRate);
            }
            return new Simulator(this);
        }
    }
}
