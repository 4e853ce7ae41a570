package city.mycity.benchmarks;

import city.mycity.reading.Reading;
import city.mycity.stream.sink.BinaryCopy;
import city.mycity.stream.sink.ReadingStatement;
import city.mycity.stream.sink.SensorStateStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the {@code reading} and {@code sensor_state} sinks do with a batch of {@value BenchmarkCity#BATCH_READINGS}
 * readings before the database: the sort into key order, the newest reading per key, and the column values handed to
 * {@code createArrayOf} (through {@link ColumnCapture}; the driver's own work on them is not timed). Scores are
 * readings of the batch per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class RowBuildingBenchmark {

    private final SensorStateStatement state = new SensorStateStatement();
    private final ColumnCapture capture = new ColumnCapture();
    private List<Reading> batch;
    private List<Reading> batchInKeyOrder;

    @Setup
    public void setUp() {
        batch = BenchmarkCity.batch();
        batchInKeyOrder = batch.stream().sorted(ReadingStatement.KEY_ORDER).toList();
    }

    /** The sort of {@link ReadingStatement#execute}, as it is written there. */
    @Benchmark
    @OperationsPerInvocation(BenchmarkCity.BATCH_READINGS)
    public List<Reading> sortByKey() {
        return batch.stream().sorted(ReadingStatement.KEY_ORDER).toList();
    }

    /**
     * What the {@code reading} sink builds per batch before the driver: the sort and the binary {@code COPY} stream of
     * eight columns ({@link ReadingStatement#execute} then hands that to the driver's copy API).
     */
    @Benchmark
    @OperationsPerInvocation(BenchmarkCity.BATCH_READINGS)
    public int readingStatement() {
        return BinaryCopy.encode(
                        batch.stream().sorted(ReadingStatement.KEY_ORDER).toList())
                .length;
    }

    /** The same on a batch already in key order: nearly the {@code COPY} stream alone. */
    @Benchmark
    @OperationsPerInvocation(BenchmarkCity.BATCH_READINGS)
    public int readingColumns() {
        return BinaryCopy.encode(batchInKeyOrder).length;
    }

    /** The fallback on a duplicate: the eight {@code unnest} columns of a batch in key order. */
    @Benchmark
    @OperationsPerInvocation(BenchmarkCity.BATCH_READINGS)
    public int readingUnnestColumns() throws SQLException {
        return ReadingStatement.insertSkippingStored(capture.connection(), batchInKeyOrder);
    }

    @Benchmark
    @OperationsPerInvocation(BenchmarkCity.BATCH_READINGS)
    public List<Reading> newestPerKey() {
        return SensorStateStatement.newestPerKey(batch);
    }

    /** The {@code sensor_state} sink's statement whole: newest per key and seven columns of the 600 kept. */
    @Benchmark
    @OperationsPerInvocation(BenchmarkCity.BATCH_READINGS)
    public int sensorStateStatement() throws SQLException {
        return state.execute(capture.connection(), batch);
    }
}
