package city.mycity.simulator.incident;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.citymodel.Sensor;
import city.mycity.reading.SensorKind;
import city.mycity.simulator.TestCity;
import city.mycity.simulator.bins.BinSensor;
import city.mycity.simulator.bins.CollectionRound;
import city.mycity.simulator.device.DayClock;
import city.mycity.simulator.device.SimulatedDevice;
import city.mycity.simulator.traffic.TrafficCounter;
import city.mycity.simulator.water.WaterSensor;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceIncidentTest {

    private static final long START = Instant.parse("2025-03-03T00:00:00Z").toEpochMilli();
    private static final long HOUR = 3_600_000L;
    private static final DayClock CLOCK = new DayClock(ZoneOffset.UTC);

    private static Sensor sensorOf(SensorKind kind) {
        return TestCity.small().sensors().stream()
                .filter(s -> s.kind() == kind)
                .findFirst()
                .orElseThrow();
    }

    /** Each wake-up's time and values (null: silent), for {@code hours}. */
    private static List<double[]> run(SimulatedDevice device, int hours) {
        device.start(START);
        List<double[]> sent = new ArrayList<>();
        while (device.nextWake() < START + hours * HOUR) {
            long at = device.nextWake();
            double[] values = device.wake(CLOCK);
            sent.add(values == null ? new double[] {at} : prepend(at, values));
        }
        return sent;
    }

    private static double[] prepend(long at, double[] values) {
        double[] row = new double[values.length + 1];
        row[0] = at;
        System.arraycopy(values, 0, row, 1, values.length);
        return row;
    }

    @Test
    void a_dead_device_sends_nothing_while_it_is_dead_and_a_stuck_one_repeats_itself() {
        Sensor water = sensorOf(SensorKind.WATER);
        SimulatedDevice device = new WaterSensor(water, 5);
        device.incidents(List.of(
                new DeviceIncident(water.id(), DeviceIncident.Kind.DEAD, START + 2 * HOUR, START + 3 * HOUR, 1),
                new DeviceIncident(water.id(), DeviceIncident.Kind.STUCK, START + 4 * HOUR, START + 5 * HOUR, 1)));

        List<double[]> sent = run(device, 6);

        assertThat(sent)
                .filteredOn(row -> row[0] >= START + 2 * HOUR && row[0] < START + 3 * HOUR)
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row).hasSize(1));
        List<double[]> stuck = sent.stream()
                .filter(row -> row[0] >= START + 4 * HOUR && row[0] < START + 5 * HOUR)
                .toList();
        assertThat(stuck).hasSizeGreaterThan(10);
        assertThat(stuck).allSatisfy(row -> assertThat(row[1]).isEqualTo(stuck.get(0)[1]));
        assertThat(sent.get(sent.size() - 1)[1]).isNotEqualTo(stuck.get(0)[1]);
    }

    @Test
    void congestion_slows_a_counters_vehicles_and_an_overflow_fills_a_bin_faster() {
        Sensor counter = sensorOf(SensorKind.TRAFFIC_COUNTER);
        TrafficCounter usual = new TrafficCounter(counter, 9);
        TrafficCounter jammed = new TrafficCounter(counter, 9);
        jammed.incidents(List.of(
                new DeviceIncident(counter.id(), DeviceIncident.Kind.CONGESTION, START, START + 9 * HOUR, 0.3)));
        Sensor bin = sensorOf(SensorKind.BIN);
        BinSensor normal = new BinSensor(bin, 3, CollectionRound.at(0.99));
        BinSensor festival = new BinSensor(bin, 3, CollectionRound.at(0.99));
        festival.incidents(
                List.of(new DeviceIncident(bin.id(), DeviceIncident.Kind.OVERFLOW, START, START + 9 * HOUR, 5)));

        double usualSpeed =
                run(usual, 4).stream().mapToDouble(r -> r[2]).average().orElseThrow();
        double jammedSpeed =
                run(jammed, 4).stream().mapToDouble(r -> r[2]).average().orElseThrow();
        run(normal, 4);
        run(festival, 4);

        assertThat(jammedSpeed).isLessThan(usualSpeed * 0.5);
        assertThat(festival.fill()).isGreaterThan(normal.fill());
    }
}
