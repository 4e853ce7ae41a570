package city.mycity.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.reading.Reading;
import city.mycity.reading.RefusalReason;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.Uplink;
import city.mycity.reading.Validation;
import city.mycity.stream.sink.SensorStateStatement;
import java.lang.reflect.Method;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * The benchmarks time what they say: every input is accepted (or refused) as intended and holds as many readings as
 * the scores are divided by, and every benchmark runs once on the module's own classpath (so that a class left out of
 * the jar shows here, not in the middle of a run).
 */
class BenchmarkInputsTest {

    @Test
    void the_fleet_has_ten_thousand_devices_behind_a_hundred_gateways() {
        assertThat(BenchmarkCity.fleet()).hasSize(10_000);
        assertThat(BenchmarkCity.fleet().stream().map(d -> d.gateway()).distinct())
                .hasSize(100);
    }

    @Test
    void every_reading_of_every_message_is_accepted() {
        assertAccepted(BenchmarkCity.parkingBay(), BenchmarkCity.PARKING_BAY_READINGS);
        assertAccepted(BenchmarkCity.trafficCounter(), BenchmarkCity.TRAFFIC_COUNTER_READINGS);
        assertAccepted(BenchmarkCity.gatewayUplink(0, BenchmarkCity.T0), BenchmarkCity.GATEWAY_PACK_READINGS);
    }

    @Test
    void the_gateway_pack_holds_two_hundred_readings_of_a_hundred_devices() {
        SenmlPack pack = BenchmarkCity.gatewayPack(0, BenchmarkCity.T0);

        assertThat(pack.records()).hasSize(200);
        assertThat(pack.resolve().stream()
                        .map(r -> r.name().substring(0, r.name().lastIndexOf(':')))
                        .distinct())
                .hasSize(100);
    }

    @Test
    void the_batch_holds_a_thousand_readings_of_six_hundred_keys_out_of_order() {
        List<Reading> batch = BenchmarkCity.batch();

        assertThat(batch).hasSize(BenchmarkCity.BATCH_READINGS);
        assertThat(SensorStateStatement.newestPerKey(batch)).hasSize(600);
        assertThat(batch).isNotEqualTo(SensorStateStatement.newestPerKey(batch));
    }

    @Test
    void each_refusal_input_has_exactly_one_refused_reading_out_of_range() {
        Uplink gatewayPack =
                BenchmarkCity.gatewayUplink(0, BenchmarkCity.T0, BenchmarkCity.gatewayPack(0, BenchmarkCity.T0, 42));

        assertThat(RefusalBenchmark.onlyRefusal(BenchmarkCity.refusedParkingBay())
                        .primaryReason())
                .isEqualTo(RefusalReason.VALUE_OUT_OF_RANGE);
        assertThat(RefusalBenchmark.onlyRefusal(gatewayPack).primaryReason())
                .isEqualTo(RefusalReason.VALUE_OUT_OF_RANGE);
        assertThat(BenchmarkCity.validator().validate(gatewayPack).accepted()).hasSize(199);
    }

    @Test
    void the_captured_columns_are_those_of_the_statement() throws Exception {
        ColumnCapture capture = new ColumnCapture();
        List<Reading> batch = BenchmarkCity.batch();

        int rows = city.mycity.stream.sink.ReadingStatement.insertSkippingStored(capture.connection(), batch);

        assertThat(rows).isEqualTo(1000);
        assertThat(capture.values()).isEqualTo(8 * 1000);
    }

    static Stream<Method> benchmarks() {
        return Stream.of(
                        SenmlBenchmark.class,
                        ValidationBenchmark.class,
                        RowBuildingBenchmark.class,
                        RefusalBenchmark.class)
                .flatMap(type -> Stream.of(type.getMethods()))
                .filter(method -> method.isAnnotationPresent(Benchmark.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("benchmarks")
    void every_benchmark_runs_once(Method benchmark) throws Exception {
        Object state = benchmark.getDeclaringClass().getConstructor().newInstance();
        for (Method method : state.getClass().getMethods()) {
            if (method.isAnnotationPresent(Setup.class)) {
                method.invoke(state);
            }
        }

        assertThat(benchmark.invoke(state)).isNotNull();
    }

    private static void assertAccepted(Uplink uplink, int readings) {
        Validation validation = BenchmarkCity.validator().validate(uplink);

        assertThat(validation.refused()).isEmpty();
        assertThat(validation.accepted()).hasSize(readings);
    }
}
