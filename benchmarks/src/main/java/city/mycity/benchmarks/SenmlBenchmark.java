package city.mycity.benchmarks;

import city.mycity.reading.SenmlCodec;
import city.mycity.reading.SenmlPack;
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
 * SenML JSON parse ({@link SenmlCodec#decode}) of each payload of {@link BenchmarkCity}, and encode for reference (what
 * the edge agent and the simulator pay). Scores are readings per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class SenmlBenchmark {

    private final SenmlCodec codec = SenmlCodec.json();
    private SenmlPack parkingBayPack;
    private SenmlPack trafficCounterPack;
    private SenmlPack gatewayPack;
    private byte[] parkingBay;
    private byte[] trafficCounter;
    private byte[] gateway;

    @Setup
    public void setUp() {
        parkingBayPack = BenchmarkCity.parkingBayPack();
        trafficCounterPack = BenchmarkCity.trafficCounterPack();
        gatewayPack = BenchmarkCity.gatewayPack(0, BenchmarkCity.T0);
        parkingBay = codec.encode(parkingBayPack);
        trafficCounter = codec.encode(trafficCounterPack);
        gateway = codec.encode(gatewayPack);
    }

    @Benchmark
    @OperationsPerInvocation(BenchmarkCity.PARKING_BAY_READINGS)
    public SenmlCodec.Decoded decodeParkingBay() {
        return codec.decode(parkingBay);
    }

    @Benchmark
    @OperationsPerInvocation(BenchmarkCity.TRAFFIC_COUNTER_READINGS)
    public SenmlCodec.Decoded decodeTrafficCounter() {
        return codec.decode(trafficCounter);
    }

    @Benchmark
    @OperationsPerInvocation(BenchmarkCity.GATEWAY_PACK_READINGS)
    public SenmlCodec.Decoded decodeGatewayPack() {
        return codec.decode(gateway);
    }

    @Benchmark
    @OperationsPerInvocation(BenchmarkCity.PARKING_BAY_READINGS)
    public byte[] encodeParkingBay() {
        return codec.encode(parkingBayPack);
    }

    @Benchmark
    @OperationsPerInvocation(BenchmarkCity.TRAFFIC_COUNTER_READINGS)
    public byte[] encodeTrafficCounter() {
        return codec.encode(trafficCounterPack);
    }

    @Benchmark
    @OperationsPerInvocation(BenchmarkCity.GATEWAY_PACK_READINGS)
    public byte[] encodeGatewayPack() {
        return codec.encode(gatewayPack);
    }
}
