package city.mycity.stream;

import city.mycity.metrics.MetricsEndpoint;
import city.mycity.reading.Reading;
import city.mycity.reading.Uplink;
import city.mycity.settings.Settings;
import city.mycity.stream.ingest.ValidateFunction;
import city.mycity.stream.mqtt.MqttSource;
import city.mycity.stream.parking.BayUpdate;
import city.mycity.stream.parking.BayUpdates;
import city.mycity.stream.parking.OccupancyFunction;
import city.mycity.stream.parking.Scope;
import city.mycity.stream.registry.DeviceRegistry;
import city.mycity.stream.registry.JdbcDeviceRegistry;
import city.mycity.stream.registry.RegistryRefresh;
import city.mycity.stream.sink.JdbcConnector;
import java.time.Duration;
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
 *                      ├─▶ bay updates ─┬─▶ keyBy(car park) ─▶ occupancy ─▶ car_park_occupancy
 *                      │                └─▶ keyBy(zone)     ─▶ occupancy ─▶ zone_occupancy
 *                      └─(refusals)───▶ refusal
 * </pre>
 */
public final class ReadingsJob {

    public static final String NAME = "mycity-readings";
    private static final Logger LOGGER = LoggerFactory.getLogger(ReadingsJob.class);

    private final Source<Uplink, ?, ?> source;
    private final DeviceRegistry registry;
    private final RegistryRefresh refresh;
    private final Sinks sinks;

    /** A job that reloads the registry as {@link RegistryRefresh#DEFAULT} says. */
    public ReadingsJob(Source<Uplink, ?, ?> source, DeviceRegistry registry, Sinks sinks) {
        this(source, registry, RegistryRefresh.DEFAULT, sinks);
    }

    public ReadingsJob(Source<Uplink, ?, ?> source, DeviceRegistry registry, RegistryRefresh refresh, Sinks sinks) {
        this.source = source;
        this.registry = registry;
        this.refresh = refresh;
        this.sinks = sinks;
    }

    /** The production job: MQTT source, registry and sinks from the settings. */
    public static ReadingsJob fromSettings(Settings settings) {
        JdbcConnector database = new JdbcConnector(
                settings.get(StreamSettings.JDBC_URL),
                settings.find(StreamSettings.DB_USER).orElse(null),
                settings.find(StreamSettings.DB_PASSWORD).orElse(null));
        MqttSource source = MqttSource.builder(settings.get(StreamSettings.MQTT_URL))
                .username(settings.find(StreamSettings.MQTT_USERNAME).orElse(null))
                .password(settings.find(StreamSettings.MQTT_PASSWORD).orElse(null))
                .group(settings.get(StreamSettings.GROUP))
                .build();
        return new ReadingsJob(
                source,
                new JdbcDeviceRegistry(database),
                RegistryRefresh.every(settings.get(StreamSettings.REGISTRY_REFRESH)),
                Sinks.jdbc(database, settings.get(StreamSettings.BATCH_SIZE)));
    }

    /**
     * Applies the job's runtime settings to an environment: parallelism, at-least-once checkpoints (the sinks are
     * idempotent, so aligned exactly-once barriers would buy nothing) and no generic (Kryo) serialisation.
     */
    public static StreamExecutionEnvironment configure(StreamExecutionEnvironment env, Settings settings) {
        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
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
        SingleOutputStreamOperator<Reading> readings = uplinks.process(new ValidateFunction(registry, refresh))
                .name("validate")
                .uid("validate");
        readings.sinkTo(sinks.readings()).name("reading-sink").uid("reading-sink");
        readings.sinkTo(sinks.sensorState()).name("sensor-state-sink").uid("sensor-state-sink");
        readings.getSideOutput(ValidateFunction.REFUSALS)
                .sinkTo(sinks.refusals())
                .name("refusal-sink")
                .uid("refusal-sink");

        DataStream<BayUpdate> bays = readings.flatMap(new BayUpdates(registry, refresh))
                .name("bay-updates")
                .uid("bay-updates");
        bays.filter(bay -> bay.site() != null)
                .name("car-park-bays")
                .uid("car-park-bays")
                .keyBy(Scope.CAR_PARK::keyOf, Types.STRING)
                .process(new OccupancyFunction(Scope.CAR_PARK, registry, refresh))
                .name("car-park-occupancy")
                .uid("car-park-occupancy")
                .sinkTo(sinks.carParkOccupancy())
                .name("car-park-occupancy-sink")
                .uid("car-park-occupancy-sink");
        bays.keyBy(Scope.ZONE::keyOf, Types.STRING)
                .process(new OccupancyFunction(Scope.ZONE, registry, refresh))
                .name("zone-occupancy")
                .uid("zone-occupancy")
                .sinkTo(sinks.zoneOccupancy())
                .name("zone-occupancy-sink")
                .uid("zone-occupancy-sink");
        return env;
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
    static Settings withArguments(Settings settings, String... args) {
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
}
