package city.mycity.bench.pipeline;

import city.mycity.stream.Sinks;
import java.io.IOException;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.streaming.api.connector.sink2.SupportsPreWriteTopology;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * A sink whose writer is not chained to what feeds it: a rescale edge (one upstream subtask to one writer, as forward
 * would, but not chainable) puts the writer in a task thread of its own, so that a statement waiting on the database
 * blocks only the writer, not the MQTT source and validation. Elements cross a local channel (serialised) instead.
 */
public final class UnchainedSink<T> implements Sink<T>, SupportsPreWriteTopology<T> {

    private static final long serialVersionUID = 1L;

    private final Sink<T> sink;

    private UnchainedSink(Sink<T> sink) {
        this.sink = sink;
    }

    /** Every sink of {@code sinks}, unchained. */
    public static Sinks all(Sinks sinks) {
        return new Sinks(
                new UnchainedSink<>(sinks.readings()),
                new UnchainedSink<>(sinks.sensorState()),
                new UnchainedSink<>(sinks.carParkOccupancy()),
                new UnchainedSink<>(sinks.zoneOccupancy()),
                new UnchainedSink<>(sinks.carParkForecasts()),
                new UnchainedSink<>(sinks.occupancyMinutes()),
                new UnchainedSink<>(sinks.refusals()));
    }

    @Override
    public DataStream<T> addPreWriteTopology(DataStream<T> input) {
        return input.rescale();
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        return sink.createWriter(context);
    }
}
