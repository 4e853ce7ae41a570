package city.mycity.stream.alerts;

import city.mycity.analytics.alert.AlertChange;
import city.mycity.analytics.alert.AlertLifecycle;
import city.mycity.analytics.alert.AlertSignal;
import city.mycity.reading.Uplink;
import city.mycity.settings.Settings;
import city.mycity.storage.DatabaseSettings;
import city.mycity.stream.ReadingsJob;
import city.mycity.stream.StreamSettings;
import city.mycity.stream.bins.BinStatusRow;
import city.mycity.stream.bins.BinWatchFunction;
import city.mycity.stream.registry.DeviceRegistry;
import city.mycity.stream.registry.JdbcDeviceRegistry;
import city.mycity.stream.registry.RegistryRefresh;
import city.mycity.stream.sink.AlertStatement;
import city.mycity.stream.sink.BinStatusStatement;
import city.mycity.stream.sink.JdbcBatchSink;
import city.mycity.stream.sink.JdbcConnector;
import city.mycity.stream.sink.TrafficFlowStatement;
import city.mycity.stream.traffic.TrafficFlowRow;
import city.mycity.stream.traffic.TrafficWatchFunction;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * An alerting analytics job of one {@link Domain}: an {@link AlertingPipeline} over the domain's readings, with the
 * domain's watch per device; its metrics count under the domain's stage (e.g. {@code water}). On a Flink cluster each
 * domain runs as a job of its own ({@code main}, with {@code --mycity.stream.domain=water}).
 */
public final class AlertingJob {

    private final Domain domain;
    private final Source<Uplink, ?, ?> source;
    private final DeviceRegistry registry;
    private final Sink<AlertChange> alerts;
    private final RegistryRefresh refresh;
    private final ZoneId zone;
    private final Duration outOfOrderness;
    private final AlertLifecycle lifecycle;
    private final Sink<BinStatusRow> binStatus;
    private final Sink<TrafficFlowRow> trafficFlow;

    private AlertingJob(Builder builder) {
        this.domain = builder.domain;
        this.source = builder.source;
        this.registry = builder.registry;
        this.alerts = builder.alerts;
        this.refresh = builder.refresh;
        this.zone = builder.zone;
        this.outOfOrderness = builder.outOfOrderness;
        this.lifecycle = builder.lifecycle;
        this.binStatus = builder.binStatus;
        this.trafficFlow = builder.trafficFlow;
    }

    public static Builder builder(
            Domain domain, Source<Uplink, ?, ?> source, DeviceRegistry registry, Sink<AlertChange> alerts) {
        return new Builder(domain, source, registry, alerts);
    }

    /** Adds the job's operators to the environment. */
    public StreamExecutionEnvironment build(StreamExecutionEnvironment env) {
        SingleOutputStreamOperator<AlertSignal> watch = AlertingPipeline.build(
                env,
                domain.code(),
                source,
                registry,
                refresh,
                domain::watches,
                domain.watchesOutOfRange(),
                outOfOrderness,
                domain.watch(zone, registry, refresh),
                lifecycle,
                alerts);
        if (domain == Domain.BINS && binStatus != null) {
            watch.getSideOutput(BinWatchFunction.STATUS)
                    .sinkTo(binStatus)
                    .name("bins-status-sink")
                    .uid("bins-status-sink");
        }
        if (domain == Domain.TRAFFIC && trafficFlow != null) {
            watch.getSideOutput(TrafficWatchFunction.FLOW)
                    .sinkTo(trafficFlow)
                    .name("traffic-flow-sink")
                    .uid("traffic-flow-sink");
        }
        return env;
    }

    public JobClient start(StreamExecutionEnvironment env) throws Exception {
        return build(env).executeAsync(domain.jobName());
    }

    /**
     * The production job of a domain: source ({@link StreamSettings#GROUP} + {@code -} + the domain), registry and
     * alerts from the settings.
     */
    public static AlertingJob fromSettings(Domain domain, Settings settings) {
        JdbcConnector database = new JdbcConnector(DatabaseSettings.from(settings));
        return builder(
                        domain,
                        ReadingsJob.mqttSource(settings, "-" + domain.code()),
                        new JdbcDeviceRegistry(database),
                        JdbcBatchSink.builder(database, new AlertStatement())
                                .batchSize(settings.get(StreamSettings.BATCH_SIZE))
                                .build())
                .refresh(RegistryRefresh.every(settings.get(StreamSettings.REGISTRY_REFRESH)))
                .timeZone(settings.get(StreamSettings.TIME_ZONE))
                .outOfOrderness(settings.get(StreamSettings.OUT_OF_ORDERNESS))
                .binStatus(JdbcBatchSink.builder(database, new BinStatusStatement())
                        .batchSize(settings.get(StreamSettings.BATCH_SIZE))
                        .keepNewest(BinStatusStatement.PER_BIN)
                        .writeEvery(settings.get(StreamSettings.STATE_INTERVAL))
                        .build())
                .trafficFlow(JdbcBatchSink.builder(database, new TrafficFlowStatement())
                        .batchSize(settings.get(StreamSettings.BATCH_SIZE))
                        .build())
                .build();
    }

    /**
     * Runs one domain's job on a Flink cluster, with settings as {@link ReadingsJob#main} takes them and the domain in
     * {@code mycity.stream.domain}.
     */
    public static void main(String[] args) throws Exception {
        Settings settings = ReadingsJob.withArguments(Settings.fromEnvironment(), args);
        Domain domain = Domain.valueOf(settings.get(StreamSettings.DOMAIN).toUpperCase(java.util.Locale.ROOT));
        StreamExecutionEnvironment env =
                ReadingsJob.configure(StreamExecutionEnvironment.getExecutionEnvironment(), settings);
        fromSettings(domain, settings).build(env).execute(domain.jobName());
    }

    /** Settings of an {@link AlertingJob}. */
    public static final class Builder {
        private final Domain domain;
        private final Source<Uplink, ?, ?> source;
        private final DeviceRegistry registry;
        private final Sink<AlertChange> alerts;
        private RegistryRefresh refresh = RegistryRefresh.DEFAULT;
        private ZoneId zone = ZoneOffset.UTC;
        private Duration outOfOrderness = Duration.ofMinutes(1);
        private AlertLifecycle lifecycle = new AlertLifecycle();
        private Sink<BinStatusRow> binStatus;
        private Sink<TrafficFlowRow> trafficFlow;

        private Builder(Domain domain, Source<Uplink, ?, ?> source, DeviceRegistry registry, Sink<AlertChange> alerts) {
            this.domain = domain;
            this.source = source;
            this.registry = registry;
            this.alerts = alerts;
        }

        /** How often tasks reload the registry. By default, {@link RegistryRefresh#DEFAULT}. */
        public Builder refresh(RegistryRefresh refresh) {
            this.refresh = refresh;
            return this;
        }

        /** The city's time zone: nights (for leaks) are its local nights. By default, UTC. */
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

        /** Where the bins job writes each bin's status. By default, nowhere (only alerts). Other domains ignore it. */
        public Builder binStatus(Sink<BinStatusRow> binStatus) {
            this.binStatus = binStatus;
            return this;
        }

        /** Where the traffic job writes each counter's 5-minute windows. By default, nowhere. Others ignore it. */
        public Builder trafficFlow(Sink<TrafficFlowRow> trafficFlow) {
            this.trafficFlow = trafficFlow;
            return this;
        }

        public AlertingJob build() {
            if (domain == null || source == null || registry == null || alerts == null) {
                throw new IllegalStateException(
                        "Analytics job domain, source, registry and alert sink must not be null.");
            }
            if (refresh == null || zone == null || lifecycle == null || outOfOrderness == null) {
                throw new IllegalStateException("Refresh, time zone, lifecycle and out-of-orderness must not be null.");
            }
            return new AlertingJob(this);
        }
    }
}
