package city.mycity.stream.water;

import city.mycity.analytics.alert.AlertChange;
import city.mycity.analytics.alert.AlertLifecycle;
import city.mycity.analytics.alert.AlertSignal;
import city.mycity.reading.Reading;
import city.mycity.reading.SensorKind;
import city.mycity.reading.Uplink;
import city.mycity.settings.Settings;
import city.mycity.storage.DatabaseSettings;
import city.mycity.stream.ReadingsJob;
import city.mycity.stream.StreamSettings;
import city.mycity.stream.alerts.AlertFunction;
import city.mycity.stream.ingest.RegistryHold;
import city.mycity.stream.ingest.ValidateFunction;
import city.mycity.stream.registry.DeviceRegistry;
import city.mycity.stream.registry.JdbcDeviceRegistry;
import city.mycity.stream.registry.RegistryRefresh;
import city.mycity.stream.sink.AlertStatement;
import city.mycity.stream.sink.JdbcBatchSink;
import city.mycity.stream.sink.JdbcConnector;
import city.mycity.stream.time.ReadingTime;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The water job: leaks and bursts on the water mains, as alerts.
 *
 * <pre>
 * uplinks ─▶ validate ─▶ water flow and pressure ─▶ event time ─▶ keyBy(sensor) ─▶ leak and burst watch
 *         ─▶ keyBy(problem) ─▶ alert lifecycle ─▶ alert
 * </pre>
 *
 * It reads the same uplinks as the readings job, on a subscription group of its own, and validates them again with the
 * same registry (its metrics under stage {@value #STAGE}); what it refuses, the readings job records.
 */
public final class WaterJob {

    public static final String NAME = "mycity-water";
    public static final String STAGE = "water";

    private final Source<Uplink, ?, ?> source;
    private final DeviceRegistry registry;
    private final Sink<AlertChange> alerts;
    private final RegistryRefresh refresh;
    private final ZoneId zone;
    private final Duration outOfOrderness;
    private final AlertLifecycle lifecycle;

    private WaterJob(Builder builder) {
        this.source = builder.source;
        this.registry = builder.registry;
        this.alerts = builder.alerts;
        this.refresh = builder.refresh;
        this.zone = builder.zone;
        this.outOfOrderness = builder.outOfOrderness;
        this.lifecycle = builder.lifecycle;
    }

    public static Builder builder(Source<Uplink, ?, ?> source, DeviceRegistry registry, Sink<AlertChange> alerts) {
        return new Builder(source, registry, alerts);
    }

    /** Adds the job's operators to the environment. */
    public StreamExecutionEnvironment build(StreamExecutionEnvironment env) {
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "water-uplinks")
                .uid("water-uplinks")
                .process(new ValidateFunction(registry, refresh, RegistryHold.none(), STAGE))
                .name("water-validate")
                .uid("water-validate")
                .filter(WaterJob::isWaterReading)
                .name("water-readings")
                .uid("water-readings")
                .assignTimestampsAndWatermarks(ReadingTime.watermarks(outOfOrderness))
                .name("water-event-time")
                .uid("water-event-time")
                .keyBy(r -> r.tenant() + '/' + r.device(), Types.STRING)
                .process(new WaterWatchFunction(zone, registry, refresh))
                .name("water-watch")
                .uid("water-watch")
                .keyBy(AlertSignal::key, Types.STRING)
                .process(new AlertFunction(lifecycle))
                .name("water-alerts")
                .uid("water-alerts")
                .sinkTo(alerts)
                .name("water-alert-sink")
                .uid("water-alert-sink");
        return env;
    }

    public JobClient start(StreamExecutionEnvironment env) throws Exception {
        return build(env).executeAsync(NAME);
    }

    /** The production job: source ({@link StreamSettings#GROUP} + {@code -water}), registry and alerts from settings. */
    public static WaterJob fromSettings(Settings settings) {
        JdbcConnector database = new JdbcConnector(DatabaseSettings.from(settings));
        return builder(
                        ReadingsJob.mqttSource(settings, "-" + STAGE),
                        new JdbcDeviceRegistry(database),
                        JdbcBatchSink.builder(database, new AlertStatement())
                                .batchSize(settings.get(StreamSettings.BATCH_SIZE))
                                .build())
                .refresh(RegistryRefresh.every(settings.get(StreamSettings.REGISTRY_REFRESH)))
                .timeZone(settings.get(StreamSettings.TIME_ZONE))
                .build();
    }

    /** Runs the job on a Flink cluster, with settings as {@link ReadingsJob#main} takes them. */
    public static void main(String[] args) throws Exception {
        Settings settings = ReadingsJob.withArguments(Settings.fromEnvironment(), args);
        StreamExecutionEnvironment env =
                ReadingsJob.configure(StreamExecutionEnvironment.getExecutionEnvironment(), settings);
        fromSettings(settings).build(env).execute(NAME);
    }

    static boolean isWaterReading(Reading reading) {
        return reading.kind() == SensorKind.WATER
                && ("flow".equals(reading.quantity()) || "pressure".equals(reading.quantity()));
    }

    /** Settings of a {@link WaterJob}. */
    public static final class Builder {
        private final Source<Uplink, ?, ?> source;
        private final DeviceRegistry registry;
        private final Sink<AlertChange> alerts;
        private RegistryRefresh refresh = RegistryRefresh.DEFAULT;
        private ZoneId zone = ZoneOffset.UTC;
        private Duration outOfOrderness = Duration.ofMinutes(1);
        private AlertLifecycle lifecycle = new AlertLifecycle();

        private Builder(Source<Uplink, ?, ?> source, DeviceRegistry registry, Sink<AlertChange> alerts) {
            this.source = source;
            this.registry = registry;
            this.alerts = alerts;
        }

        /** How often tasks reload the registry. By default, {@link RegistryRefresh#DEFAULT}. */
        public Builder refresh(RegistryRefresh refresh) {
            this.refresh = refresh;
            return this;
        }

        /** The city's time zone: nights are its local nights. By default, UTC. */
        public Builder timeZone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        /** How late a reading may come and still be taken in device-time order. By default, 1 minute. */
        public Builder outOfOrderness(Duration outOfOrderness) {
            this.outOfOrderness = outOfOrderness;
            return this;
        }

        /** How signals become alerts. By default, {@link AlertLifecycle#AlertLifecycle()} (reopen within an hour). */
        public Builder lifecycle(AlertLifecycle lifecycle) {
            this.lifecycle = lifecycle;
            return this;
        }

        public WaterJob build() {
            if (source == null || registry == null || alerts == null) {
                throw new IllegalStateException("Water job source, registry and alert sink must not be null.");
            }
            if (refresh == null || zone == null || lifecycle == null || outOfOrderness == null) {
                throw new IllegalStateException("Refresh, time zone, lifecycle and out-of-orderness must not be null.");
            }
            return new WaterJob(this);
        }
    }
}
