package city.mycity.stream.alerts;

import city.mycity.analytics.alert.AlertChange;
import city.mycity.analytics.alert.AlertLifecycle;
import city.mycity.analytics.alert.AlertSignal;
import city.mycity.reading.Reading;
import city.mycity.reading.Uplink;
import city.mycity.stream.health.OutOfRange;
import city.mycity.stream.ingest.RegistryHold;
import city.mycity.stream.ingest.ValidateFunction;
import city.mycity.stream.registry.DeviceRegistry;
import city.mycity.stream.registry.RegistryRefresh;
import city.mycity.stream.time.InEventTimeOrder;
import city.mycity.stream.time.ReadingTime;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The shape every alerting analytics job shares:
 *
 * <pre>
 * uplinks ─▶ validate (stage) ─▶ the job's readings ─┬─▶ event time ─▶ keyBy(device) ─▶ the job's watch
 *                  └─▶ refused: out of range (marked) ─┘    ─▶ keyBy(problem) ─▶ alert lifecycle ─▶ alert
 * </pre>
 *
 * (the refused records only for a watch that wants them).
 *
 * A job reads the same uplinks as the readings job, on a subscription group of its own, and validates them again with
 * the same registry (its metrics under its own stage); what it refuses, the readings job records. Operator ids start
 * with the stage, so that the jobs' savepoints never mix.
 */
public final class AlertingPipeline {

    private AlertingPipeline() {}

    /** Adds the pipeline to the environment; gives the watch, for its side outputs. */
    public static SingleOutputStreamOperator<AlertSignal> build(
            StreamExecutionEnvironment env,
            String stage,
            Source<Uplink, ?, ?> source,
            DeviceRegistry registry,
            RegistryRefresh refresh,
            FilterFunction<Reading> readings,
            boolean outOfRange,
            Duration outOfOrderness,
            InEventTimeOrder<AlertSignal> watch,
            AlertLifecycle lifecycle,
            Sink<AlertChange> alerts) {
        SingleOutputStreamOperator<Reading> validated = env.fromSource(
                        source, WatermarkStrategy.noWatermarks(), stage + "-uplinks")
                .uid(stage + "-uplinks")
                .process(new ValidateFunction(registry, refresh, RegistryHold.none(), stage))
                .name(stage + "-validate")
                .uid(stage + "-validate");
        DataStream<Reading> watched =
                validated.filter(readings).name(stage + "-readings").uid(stage + "-readings");
        if (outOfRange) {
            watched = watched.union(validated
                    .getSideOutput(ValidateFunction.REFUSALS)
                    .filter(OutOfRange::is)
                    .name(stage + "-out-of-range")
                    .uid(stage + "-out-of-range")
                    .map(OutOfRange::asReading)
                    .returns(Reading.class)
                    .name(stage + "-out-of-range-marked")
                    .uid(stage + "-out-of-range-marked"));
        }
        SingleOutputStreamOperator<AlertSignal> watching = watched.assignTimestampsAndWatermarks(
                        ReadingTime.watermarks(outOfOrderness))
                .name(stage + "-event-time")
                .uid(stage + "-event-time")
                .keyBy(r -> r.tenant() + '/' + r.device(), Types.STRING)
                .process(watch)
                .name(stage + "-watch")
                .uid(stage + "-watch");
        watching.keyBy(AlertSignal::key, Types.STRING)
                .process(new AlertFunction(lifecycle))
                .name(stage + "-alerts")
                .uid(stage + "-alerts")
                .sinkTo(alerts)
                .name(stage + "-alert-sink")
                .uid(stage + "-alert-sink");
        return watching;
    }
}
