package city.mycity.stream;

import city.mycity.analytics.parking.ProfileForecaster;
import city.mycity.metrics.MetricsEndpoint;
import city.mycity.reading.Reading;
import city.mycity.reading.Uplink;
import city.mycity.settings.Settings;
import city.mycity.storage.DatabaseSettings;
import city.mycity.stream.ingest.HeldUplink;
import city.mycity.stream.ingest.RegistryHold;
import city.mycity.stream.ingest.RegistryWait;
import city.mycity.stream.ingest.ValidateFunction;
import city.mycity.stream.mqtt.MqttSource;
import city.mycity.stream.parking.BayUpdate;
import city.mycity.stream.parking.BayUpdates;
import city.mycity.stream.parking.ForecastFunction;
import city.mycity.stream.parking.Occupancy;
import city.mycity.stream.parking.OccupancyFunction;
import city.mycity.stream.parking.Scope;
import city.mycity.stream.registry.DeviceRegistry;
import city.mycity.stream.registry.JdbcDeviceRegistry;
import city.mycity.stream.registry.RegistryRefresh;
import city.mycity.stream.sink.JdbcConnector;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The readings pipeline: MQTT uplinks are validated; accepted readings are stored and update the sensor state and
 * the parking occupancy; refusals are recorded with their reasons.
 *
 * <pre>
 * uplinks ─▶ validate ─┬─▶ reading, sensor_state
 *                      ├─(awaiting registry)─▶ keyBy(topic) ─▶ registry wait ─┬─▶ reading, sensor_state
 *                      │                                                      └─(refusals after the grace)─┐
 *                      ├─▶ bay updates (with the released) ─┬─▶ keyBy(car park) ─▶ occupancy ─▶ car_park_occupancy
 *                      │                                    │                       ├─▶ forecast ─▶ car_park_forecast
 *                      │                                    │                       └─▶ (with zones) ─▶ occupancy_minute
 *                      │                                    └─▶ keyBy(zone)     ─▶ occupancy ─▶ zone_occupancy
 *                      └─(refusals)───────────────────────────────────────────────────────────────┴─▶ refusal
 * </pre>
 */
public final class ReadingsJob {

    public static final String NAME = "mycity-readings";
    private static final Logger LOGGER = LoggerFactory.getLogger(ReadingsJob.class);

    private final Source<Uplink, ?, ?> source;
    private final DeviceRegistry registry;
    private final RegistryRefresh refresh;
    private final RegistryHold hold;
    private final Sinks sinks;
    private final ZoneId timeZone;
    private final ProfileForecaster forecaster;

    private ReadingsJob(Builder builder) {
        this.source = builder.source;
        this.registry = builder.registry;
        this.refresh = builder.refresh;
        this.hold = builder.hold;
        this.sinks = builder.sinks;
        this.timeZone = builder.timeZone;
        this.forecaster = builder.forecaster;
    }

    /** A job reading {@code source}, checking devices against {@code registry} and writing to {@code sinks}. */
    public static Builder builder(Source<Uplink, ?, ?> source, DeviceRegistry registry, Sinks sinks) {
        return new Builder(source, registry, sinks);
    }

    /** The production job: MQTT source, registry and sinks from the settings. */
    public static ReadingsJob fromSettings(Settings settings) {
        JdbcConnector database = new JdbcConnector(DatabaseSettings.from(settings));
        MqttSource source = mqttSource(settings, "");
        LOGGER.info("{}", source.brokerRequirements(settings.get(StreamSettings.PARALLELISM)));
        return builder(
                        source,
                        new JdbcDeviceRegistry(database),
                        Sinks.jdbc(
                                database,
                                settings.get(StreamSettings.BATCH_SIZE),
                                settings.get(StreamSettings.STATE_INTERVAL)))
                .refresh(RegistryRefresh.every(settings.get(StreamSettings.REGISTRY_REFRESH)))
                .timeZone(settings.get(StreamSettings.TIME_ZONE))
                .hold(new RegistryHold(
                        settings.get(StreamSettings.UNKNOWN_DEVICE_GRACE),
                        StreamSettings.UNKNOWN_DEVICE_RECHECK,
                        settings.get(StreamSettings.HOLD_LIMIT)))
                .build();
    }

    /**
     * Applies the job's runtime settings to an environment: parallelism, at-least-once checkpoints (the sinks are
     * idempotent, so aligned exactly-once barriers would buy nothing) and no generic (Kryo) serialisation.
     *
     * <p>Object reuse is on: chained operators hand each element on as it is instead of copying it for every consumer
     * (a reading goes to three). That is safe because every element type is an immutable record, which Flink's
     * serialisers rebuild rather than refill, and no operator changes an array it receives.
     */
    public static StreamExecutionEnvironment configure(StreamExecutionEnvironment env, Settings settings) {
        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        config.set(PipelineOptions.OBJECT_REUSE, true);
        env.configure(config);
        env.setParallelism(settings.get(StreamSettings.PARALLELISM));
        Duration interval = settings.get(StreamSettings.CHECKPOINT_INTERVAL);
        env.enableCheckpointing(interval.toMillis(), CheckpointingMode.AT_LEAST_ONCE);
        return env;
    }

    /** Adds the job's operators to the environment. */
    public StreamExecutionEnvironment build(StreamExecutionEnvironment env) {
        DataStream<Uplink> uplinks = env.fromSource(source, WatermarkStrategy.noWatermarks(), "mqtt-uplinks")
                .uid("mqtt-uplinks");
        SingleOutputStreamOperator<Reading> readings = uplinks.process(new ValidateFunction(registry, refresh, hold))
                .name("validate")
                .uid("validate");
        readings.sinkTo(sinks.readings()).name("reading-sink").uid("reading-sink");
        readings.sinkTo(sinks.sensorState()).name("sensor-state-sink").uid("sensor-state-sink");

        // Readings of devices the registry does not know yet wait, keyed by topic, and are checked again.
        SingleOutputStreamOperator<Reading> released = readings.getSideOutput(ValidateFunction.AWAITING_REGISTRY)
                .keyBy(HeldUplink::topic, Types.STRING)
                .process(new RegistryWait(registry, refresh, hold))
                .name("registry-wait")
                .uid("registry-wait");
        released.sinkTo(sinks.readings()).name("released-reading-sink").uid("released-reading-sink");
        released.sinkTo(sinks.sensorState()).name("released-sensor-state-sink").uid("released-sensor-state-sink");

        readings.getSideOutput(ValidateFunction.REFUSALS)
                .union(released.getSideOutput(ValidateFunction.REFUSALS))
                .sinkTo(sinks.refusals())
                .name("refusal-sink")
                .uid("refusal-sink");

        DataStream<BayUpdate> bays = readings.union(released)
                .flatMap(new BayUpdates(registry, refresh))
                .name("bay-updates")
                .uid("bay-updates");
        SingleOutputStreamOperator<Occupancy> carParks = bays.filter(bay -> bay.site() != null)
                .name("car-park-bays")
                .uid("car-park-bays")
                .keyBy(Scope.CAR_PARK::keyOf, Types.STRING)
                .process(new OccupancyFunction(Scope.CAR_PARK, registry, refresh))
                .name("car-park-occupancy")
                .uid("car-park-occupancy");
        carParks.sinkTo(sinks.carParkOccupancy())
                .name("car-park-occupancy-sink")
                .uid("car-park-occupancy-sink");
        carParks.keyBy(o -> o.tenant() + '/' + o.scopeId(), Types.STRING)
                .process(new ForecastFunction(timeZone, forecaster))
                .name("car-park-forecast")
                .uid("car-park-forecast")
                .sinkTo(sinks.carParkForecasts())
                .name("car-park-forecast-sink")
                .uid("car-park-forecast-sink");
        SingleOutputStreamOperator<Occupancy> zones = bays.keyBy(Scope.ZONE::keyOf, Types.STRING)
                .process(new OccupancyFunction(Scope.ZONE, registry, refresh))
                .name("zone-occupancy")
                .uid("zone-occupancy");
        zones.sinkTo(sinks.zoneOccupancy()).name("zone-occupancy-sink").uid("zone-occupancy-sink");
        carParks.union(zones)
                .sinkTo(sinks.occupancyMinutes())
                .name("occupancy-minute-sink")
                .uid("occupancy-minute-sink");
        return env;
    }

    /**
     * The MQTT source of a job from the settings: the subscription group {@link StreamSettings#GROUP} followed by
     * {@code groupSuffix}, so that each job of the platform gets every message on a subscription of its own.
     */
    public static MqttSource mqttSource(Settings settings, String groupSuffix) {
        return MqttSource.builder(settings.get(StreamSettings.MQTT_URL))
                .username(settings.find(StreamSettings.MQTT_USERNAME).orElse(null))
                .password(settings.find(StreamSettings.MQTT_PASSWORD).orElse(null))
                .group(settings.get(StreamSettings.GROUP) + groupSuffix)
                .sessionExpiry(settings.get(StreamSettings.SESSION_EXPIRY))
                .receiveMaximum(settings.get(StreamSettings.RECEIVE_MAXIMUM))
                .connections(settings.get(StreamSettings.CONNECTIONS))
                .build();
    }

    /** Builds the job into the environment and submits it without waiting: what a launcher or a test calls. */
    public JobClient start(StreamExecutionEnvironment env) throws Exception {
        return build(env).executeAsync(NAME);
    }

    /**
     * Runs the job with the settings of the environment and system properties, over which program arguments
     * {@code --key=value} win ({@code --mycity.jdbc.url=jdbc:postgresql://db/mycity}). On a Flink cluster the
     * arguments are what surely reaches {@code main}, whether it runs in the client or in the JobManager.
     */
    public static void main(String[] args) throws Exception {
        Settings settings = withArguments(Settings.fromEnvironment(), args);
        LOGGER.info("Starting {} with{}{}", NAME, System.lineSeparator(), settings.describe(StreamSettings.ALL));
        StreamExecutionEnvironment env = configure(StreamExecutionEnvironment.getExecutionEnvironment(), settings);
        // Serves this JVM's metrics: all of them when the job runs in a local MiniCluster; on a Flink cluster the
        // operators count in the TaskManagers, which need their own endpoint or a Flink metric reporter.
        try (MetricsEndpoint metrics =
                MetricsEndpoint.forGlobalRegistry(settings).orElse(null)) {
            fromSettings(settings).build(env).execute(NAME);
        }
    }

    /** The settings with each {@code --key=value} argument given in code; an argument is never quoted (secrets). */
    public static Settings withArguments(Settings settings, String... args) {
        Settings merged = settings;
        for (int i = 0; i < args.length; i++) {
            String argument = args[i];
            int equals = argument.indexOf('=');
            if (!argument.startsWith("--") || equals < 3) {
                throw new IllegalArgumentException("Program argument " + (i + 1) + " is not --key=value: pass each"
                        + " setting as --" + StreamSettings.JDBC_URL.key() + "=... (keys as in the README).");
            }
            merged = merged.with(argument.substring(2, equals), argument.substring(equals + 1));
        }
        return merged;
    }

    /** Settings of a {@link ReadingsJob}: its source, registry and sinks, and how devices are looked up. */
    public static final class Builder {
        private final Source<Uplink, ?, ?> source;
        private final DeviceRegistry registry;
        private final Sinks sinks;
        private RegistryRefresh refresh = RegistryRefresh.DEFAULT;
        private RegistryHold hold = RegistryHold.DEFAULT;
        private ZoneId timeZone = ZoneOffset.UTC;
        private ProfileForecaster forecaster = ProfileForecaster.defaults();

        private Builder(Source<Uplink, ?, ?> source, DeviceRegistry registry, Sinks sinks) {
            this.source = source;
            this.registry = registry;
            this.sinks = sinks;
        }

        /** How often tasks reload the registry. By default, {@link RegistryRefresh#DEFAULT} (30 s, 5 s on a miss). */
        public Builder refresh(RegistryRefresh refresh) {
            this.refresh = refresh;
            return this;
        }

        /**
         * How readings of devices not known yet are held. By default, {@link RegistryHold#DEFAULT}: 10 minutes'
         * grace, checked every 10 s, at most 1,000 messages per topic.
         */
        public Builder hold(RegistryHold hold) {
            this.hold = hold;
            return this;
        }

        /** The city's time zone, whose local clock the car parks' daily profiles follow. By default, UTC. */
        public Builder timeZone(ZoneId timeZone) {
            this.timeZone = timeZone;
            return this;
        }

        /** How car parks are forecast. By default, {@link ProfileForecaster#defaults()}. */
        public Builder forecaster(ProfileForecaster forecaster) {
            this.forecaster = forecaster;
            return this;
        }

        public ReadingsJob build() {
            if (source == null || registry == null || sinks == null) {
                throw new IllegalStateException("Readings job source, registry and sinks must not be null.");
            }
            if (refresh == null || hold == null || timeZone == null || forecaster == null) {
                throw new IllegalStateException("Registry refresh, hold, time zone and forecaster must not be null.");
            }
            return new ReadingsJob(this);
        }
    }
}
