package city.mycity.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.simulator.fault.FaultProfile;
import city.mycity.simulator.parking.BaySensor;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two simulated days of the test town (from Monday 05:00 UTC), without faults, read back from the payloads. */
class DailyPatternsTest {

    private static final Instant MONDAY = Instant.parse("2025-03-03T00:00:00Z");

    private static List<RecordingLink.Sent> sent;

    @BeforeAll
    static void simulateTwoDays() {
        RecordingLink link = new RecordingLink();
        Simulator simulator = Simulator.builder()
                .city(TestCity.small())
                .faults(FaultProfile.none())
                .messageRate(Double.POSITIVE_INFINITY)
                .meterRegistry(new io.micrometer.core.instrument.simple.SimpleMeterRegistry())
                .link(link)
                .build();
        simulator.runFor(Duration.ofDays(2));
        sent = link.sent();
    }

    @Test
    void car_parks_are_fuller_at_ten_in_the_morning_than_at_three_at_night() {
        List<Points> bays = Points.of(sent, "occupied").stream()
                .filter(p -> p.device().startsWith("cp"))
                .toList();

        double atTen = occupiedShareAt(bays, MONDAY.plus(Duration.ofHours(10)));
        double atThree = occupiedShareAt(bays, MONDAY.plus(Duration.ofHours(24 + 3)));

        assertThat(atTen).isGreaterThan(0.55);
        assertThat(atThree).isLessThan(0.3);
    }

    @Test
    void bay_sensors_report_changes_and_a_heartbeat_at_least_every_half_hour_or_so() {
        Map<String, List<Points>> byBay =
                Points.of(sent, "occupied").stream().collect(Collectors.groupingBy(Points::device));
        long longestGap = 0;
        long shortestRepeat = Long.MAX_VALUE;
        for (List<Points> series : byBay.values()) {
            for (int i = 1; i < series.size(); i++) {
                long gap = Duration.between(
                                series.get(i - 1).time(), series.get(i).time())
                        .toMillis();
                longestGap = Math.max(longestGap, gap);
                if (series.get(i).value() == series.get(i - 1).value()) {
                    shortestRepeat = Math.min(shortestRepeat, gap);
                }
            }
        }

        assertThat(byBay).hasSize(45);
        assertThat(longestGap).isLessThanOrEqualTo(BaySensor.HEARTBEAT_MILLIS + 2 * BaySensor.TICK_MILLIS);
        assertThat(shortestRepeat).isGreaterThanOrEqualTo(BaySensor.HEARTBEAT_MILLIS - BaySensor.TICK_MILLIS);
    }

    @Test
    void traffic_peaks_in_the_morning_and_evening_and_slows_down_when_busy() {
        Map<Integer, Double> count = meanByHour(Points.of(sent, "count"));
        Map<Integer, Double> speed = meanByHour(Points.of(sent, "speed"));

        assertThat(count.get(8)).isGreaterThan(count.get(3) * 5).isGreaterThan(count.get(13));
        assertThat(count.get(17)).isGreaterThan(count.get(3) * 5).isGreaterThan(count.get(13));
        assertThat(speed.get(8)).isLessThan(speed.get(3) - 5);
    }

    @Test
    void water_flow_is_lowest_around_three_at_night_when_pressure_is_highest() {
        Map<Integer, Double> flow = meanByHour(Points.of(sent, "flow"));
        Map<Integer, Double> pressure = meanByHour(Points.of(sent, "pressure"));

        int quietest = flow.entrySet().stream()
                .min(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        int busiest = flow.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();

        assertThat(quietest).isBetween(2, 4);
        assertThat(busiest).isBetween(6, 9);
        assertThat(pressure.get(quietest)).isGreaterThan(pressure.get(busiest) + 0.5);
    }

    @Test
    void bins_fill_up_and_are_emptied_only_by_the_morning_collection_round() {
        Map<String, List<Points>> byBin =
                Points.of(sent, "fill").stream().collect(Collectors.groupingBy(Points::device));
        int collections = 0;
        for (List<Points> series : byBin.values()) {
            series.sort(Comparator.comparing(Points::time));
            for (int i = 1; i < series.size(); i++) {
                Points before = series.get(i - 1);
                Points after = series.get(i);
                if (after.value() < before.value()) {
                    collections++;
                    assertThat(before.value()).as("fill before collection").isGreaterThanOrEqualTo(39);
                    assertThat(after.value()).as("fill after collection").isLessThan(5);
                    assertThat(after.hour()).as("hour of collection").isBetween(6.0, 10.6);
                }
            }
        }
        assertThat(collections).isPositive();
    }

    private static double occupiedShareAt(List<Points> bays, Instant at) {
        Map<String, Double> state = new HashMap<>();
        bays.stream()
                .filter(p -> !p.time().isAfter(at))
                .sorted(Comparator.comparing(Points::time))
                .forEach(p -> state.put(p.device(), p.value()));
        return state.values().stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElseThrow();
    }

    private static Map<Integer, Double> meanByHour(List<Points> points) {
        return points.stream()
                .collect(Collectors.groupingBy(
                        p -> (int) p.hour(), TreeMap::new, Collectors.averagingDouble(Points::value)));
    }
}
