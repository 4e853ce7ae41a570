package city.mycity.benchmarks;

import city.mycity.reading.Refusal;
import city.mycity.reading.Uplink;
import city.mycity.reading.Validation;
import city.mycity.stream.ingest.RefusalRow;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link RefusalRow#of}: what the validate step does for each refused reading (sha-256 of topic and payload, every text
 * cleaned), for a refused device pack and for one refused record of a gateway pack (whose digest covers the whole
 * pack). Scores are refusals per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class RefusalBenchmark {

    private Uplink devicePack;
    private Refusal devicePackRefusal;
    private Uplink gatewayPack;
    private Refusal gatewayRecordRefusal;

    @Setup
    public void setUp() {
        devicePack = BenchmarkCity.refusedParkingBay();
        devicePackRefusal = onlyRefusal(devicePack);
        gatewayPack =
                BenchmarkCity.gatewayUplink(0, BenchmarkCity.T0, BenchmarkCity.gatewayPack(0, BenchmarkCity.T0, 42));
        gatewayRecordRefusal = onlyRefusal(gatewayPack);
    }

    @Benchmark
    public RefusalRow refusalOfDevicePack() {
        return RefusalRow.of(devicePack, devicePackRefusal);
    }

    @Benchmark
    public RefusalRow refusalOfGatewayRecord() {
        return RefusalRow.of(gatewayPack, gatewayRecordRefusal);
    }

    static Refusal onlyRefusal(Uplink uplink) {
        Validation validation = BenchmarkCity.validator().validate(uplink);
        if (validation.refused().size() != 1) {
            throw new IllegalStateException("Expected one refusal, got " + validation.refused());
        }
        return validation.refused().get(0);
    }
}
