package city.mycity.benchmarks;

import city.mycity.reading.ReadingValidator;
import city.mycity.reading.Uplink;
import city.mycity.reading.Validation;
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
 * {@link ReadingValidator#validate(Uplink)} of each message of {@link BenchmarkCity}, every reading accepted, with the
 * default settings and a directory of the whole fleet. Validation decodes the payload itself: these scores include
 * the parse that {@link SenmlBenchmark} times alone. Scores are readings per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class ValidationBenchmark {

    private ReadingValidator validator;
    private Uplink parkingBay;
    private Uplink trafficCounter;
    private Uplink gatewayPack;

    @Setup
    public void setUp() {
        validator = BenchmarkCity.validator();
        parkingBay = BenchmarkCity.parkingBay();
        trafficCounter = BenchmarkCity.trafficCounter();
        gatewayPack = BenchmarkCity.gatewayUplink(0, BenchmarkCity.T0);
    }

    @Benchmark
    @OperationsPerInvocation(BenchmarkCity.PARKING_BAY_READINGS)
    public Validation validateParkingBay() {
        return validator.validate(parkingBay);
    }

    @Benchmark
    @OperationsPerInvocation(BenchmarkCity.TRAFFIC_COUNTER_READINGS)
    public Validation validateTrafficCounter() {
        return validator.validate(trafficCounter);
    }

    @Benchmark
    @OperationsPerInvocation(BenchmarkCity.GATEWAY_PACK_READINGS)
    public Validation validateGatewayPack() {
        return validator.validate(gatewayPack);
    }
}
