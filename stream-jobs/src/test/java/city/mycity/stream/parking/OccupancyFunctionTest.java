package city.mycity.stream.parking;

import static city.mycity.stream.TestCity.T0;
import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.reading.DeviceInfo;
import city.mycity.stream.TestCity;
import city.mycity.stream.registry.RegistryRefresh;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OccupancyFunctionTest {

    /** What the registry of the last test holds; static, so that the function's registry stays serializable. */
    private static final List<DeviceInfo> REGISTERED = new CopyOnWriteArrayList<>();

    private KeyedOneInputStreamOperatorTestHarness<String, BayUpdate, Occupancy> harness;

    private void open(Scope scope) throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new OccupancyFunction(scope, TestCity.registry()), scope::keyOf, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void counts_occupied_bays_of_a_car_park_against_its_registered_bays() throws Exception {
        open(Scope.CAR_PARK);

        harness.processElement(bay("cp001-b0001", true, T0), 0);
        harness.processElement(bay("cp001-b0002", true, T0.plusSeconds(1)), 0);
        harness.processElement(bay("cp001-b0001", false, T0.plusSeconds(2)), 0);

        assertThat(harness.extractOutputValues())
                .extracting(Occupancy::occupied, Occupancy::bays, Occupancy::time)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, 3, T0),
                        org.assertj.core.groups.Tuple.tuple(2, 3, T0.plusSeconds(1)),
                        org.assertj.core.groups.Tuple.tuple(1, 3, T0.plusSeconds(2)));
        assertThat(last().scopeId()).isEqualTo("cp001");
    }

    @Test
    void ignores_a_bay_reading_older_than_the_one_it_has() throws Exception {
        open(Scope.CAR_PARK);

        harness.processElement(bay("cp001-b0001", false, T0.plusSeconds(10)), 0);
        harness.processElement(bay("cp001-b0001", true, T0.plusSeconds(5)), 0);
        harness.processElement(bay("cp001-b0001", true, T0.plusSeconds(10)), 0);

        assertThat(harness.extractOutputValues()).hasSize(1);
        assertThat(last().occupied()).isZero();
    }

    @Test
    void a_bay_that_changes_twice_in_one_second_ends_in_its_later_state_whatever_the_arrival_order() throws Exception {
        open(Scope.CAR_PARK);

        harness.processElement(bay("cp001-b0001", false, T0, 8), 0);
        harness.processElement(bay("cp001-b0001", true, T0, 7), 0);
        harness.processElement(bay("cp001-b0002", true, T0, 3), 0);
        harness.processElement(bay("cp001-b0002", false, T0, 4), 0);

        assertThat(last().occupied()).isZero();
    }

    @Test
    void a_late_reading_of_another_bay_counts_without_moving_time_backwards() throws Exception {
        open(Scope.CAR_PARK);

        harness.processElement(bay("cp001-b0001", true, T0.plusSeconds(10)), 0);
        harness.processElement(bay("cp001-b0002", true, T0.plusSeconds(5)), 0);

        assertThat(last().occupied()).isEqualTo(2);
        assertThat(last().time()).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void a_zone_counts_street_and_car_park_bays_together() throws Exception {
        open(Scope.ZONE);

        harness.processElement(bay("cp001-b0001", true, T0), 0);
        harness.processElement(bay("bay-00001", true, T0.plusSeconds(1)), 0);

        assertThat(last().occupied()).isEqualTo(2);
        assertThat(last().bays()).isEqualTo(4);
        assertThat(last().scopeId()).isEqualTo(TestCity.ZONE);
    }

    @Test
    void the_count_survives_a_restore_from_a_snapshot() throws Exception {
        open(Scope.CAR_PARK);
        harness.processElement(bay("cp001-b0001", true, T0), 0);
        var snapshot = harness.snapshot(1, 1);
        harness.close();

        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new OccupancyFunction(Scope.CAR_PARK, TestCity.registry())),
                Scope.CAR_PARK::keyOf,
                Types.STRING);
        harness.initializeState(snapshot);
        harness.open();
        harness.processElement(bay("cp001-b0002", true, T0.plusSeconds(1)), 0);

        assertThat(last().occupied()).isEqualTo(2);
    }

    @Test
    void a_bay_registered_after_the_start_counts_among_its_car_parks_bays() throws Exception {
        REGISTERED.clear();
        REGISTERED.addAll(TestCity.DEVICES);
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new OccupancyFunction(
                        Scope.CAR_PARK,
                        () -> List.copyOf(REGISTERED),
                        new RegistryRefresh(Duration.ofHours(1), Duration.ZERO)),
                Scope.CAR_PARK::keyOf,
                Types.STRING);
        harness.processElement(bay("cp001-b0001", true, T0), 0);
        assertThat(last().bays()).isEqualTo(3);

        REGISTERED.add(new DeviceInfo(
                TestCity.TENANT,
                "cp001-b0004",
                TestCity.GATEWAY,
                "parking-bay",
                TestCity.ZONE,
                TestCity.CAR_PARK,
                50,
                4));
        harness.processElement(bay("cp001-b0004", true, T0.plusSeconds(1)), 0);

        assertThat(last().bays()).isEqualTo(4);
        assertThat(last().occupied()).isEqualTo(2);
    }

    private Occupancy last() {
        List<Occupancy> out = harness.extractOutputValues();
        return out.get(out.size() - 1);
    }

    private static BayUpdate bay(String device, boolean occupied, Instant time) {
        return bay(device, occupied, time, -1);
    }

    private static BayUpdate bay(String device, boolean occupied, Instant time, long sequence) {
        String site = device.startsWith("cp001") ? TestCity.CAR_PARK : null;
        return new BayUpdate(TestCity.TENANT, device, TestCity.ZONE, site, occupied, time, sequence);
    }
}
