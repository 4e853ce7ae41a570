package city.mycity.simulator.water;

import city.mycity.analytics.water.WaterEvent;
import city.mycity.analytics.water.WaterWatch;
import city.mycity.citymodel.Sensor;
import city.mycity.reading.SensorKind;
import city.mycity.simulator.device.DayClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Measures leak and burst detection on simulated water sensors: each sensor's readings over a run, with the planned
 * incidents or none, go through a {@link WaterWatch} (what the stream job runs per sensor), and what it raised is
 * matched with what happened.
 *
 * <ul>
 *   <li>a leak is <b>found in time</b> when it is raised by the end of the first whole night window after it started
 *       (plus a reading's delay);
 *   <li>a burst is <b>found in time</b> when it is raised within {@link #BURST_DEADLINE} of its start;
 *   <li>anything raised where no incident of its kind was active is a <b>false alarm</b>.
 * </ul>
 */
public final class LeakTrial {

    /** A burst must be raised this soon after it starts. */
    public static final Duration BURST_DEADLINE = Duration.ofMinutes(15);
    /** The first reading after a night window may come this late. */
    static final Duration READING_DELAY = Duration.ofMinutes(15);

    /** What happened to one incident. */
    public record Outcome(WaterIncident incident, Optional<Duration> foundAfter, boolean inTime) {}

    /** The trial's figures. */
    public record Result(List<Outcome> outcomes, int falseAlarms, double sensorDays) {

        public long found(WaterIncident.Kind kind) {
            return outcomes.stream()
                    .filter(o -> o.incident().kind() == kind && o.inTime())
                    .count();
        }

        public long injected(WaterIncident.Kind kind) {
            return outcomes.stream().filter(o -> o.incident().kind() == kind).count();
        }

        /** The longest time to detection among the incidents of a kind found, if any. */
        public Optional<Duration> slowest(WaterIncident.Kind kind) {
            return outcomes.stream()
                    .filter(o -> o.incident().kind() == kind)
                    .flatMap(o -> o.foundAfter().stream())
                    .max(Duration::compareTo);
        }

        public double falseAlarmsPerThousandSensorDays() {
            return 1000 * falseAlarms / sensorDays;
        }
    }

    private final List<Sensor> sensors;
    private final ZoneId zone;
    private final long seed;

    public LeakTrial(List<Sensor> sensors, ZoneId zone, long seed) {
        this.sensors =
                sensors.stream().filter(s -> s.kind() == SensorKind.WATER).toList();
        this.zone = zone;
        this.seed = seed;
        if (this.sensors.isEmpty()) {
            throw new IllegalArgumentException("The city has no water sensors to try.");
        }
    }

    public List<Sensor> sensors() {
        return sensors;
    }

    /** Runs every water sensor from {@code start} for {@code days} days with these incidents. */
    public Result run(long start, int days, List<WaterIncident> incidents, Consumer<Double> progress) {
        long end = start + Duration.ofDays(days).toMillis();
        DayClock clock = new DayClock(zone);
        Map<String, List<WaterEvent>> raised = new HashMap<>();
        int done = 0;
        for (Sensor sensor : sensors) {
            WaterSensor device = new WaterSensor(sensor, seed * 31 + sensor.id().hashCode(), incidents);
            WaterWatch watch = new WaterWatch();
            List<WaterEvent> events = raised.computeIfAbsent(sensor.id(), id -> new ArrayList<>());
            device.start(start);
            while (device.nextWake() < end) {
                long now = device.nextWake();
                double[] values = device.wake(clock);
                Instant at = Instant.ofEpochMilli(now);
                LocalDateTime local = LocalDateTime.ofInstant(at, zone);
                watch.flow(local, at, values[0]).ifPresent(events::add);
                watch.pressure(local, at, values[1]).ifPresent(events::add);
            }
            progress.accept(++done / (double) sensors.size());
        }
        return judge(incidents, raised, sensors.size() * (double) days, clock);
    }

    private Result judge(
            List<WaterIncident> incidents, Map<String, List<WaterEvent>> raised, double sensorDays, DayClock clock) {
        List<Outcome> outcomes = new ArrayList<>();
        int falseAlarms = 0;
        for (Map.Entry<String, List<WaterEvent>> entry : raised.entrySet()) {
            List<WaterIncident> own = incidents.stream()
                    .filter(i -> i.device().equals(entry.getKey()))
                    .toList();
            for (WaterEvent event : entry.getValue()) {
                if (event.raised() && own.stream().noneMatch(i -> matches(i, event))) {
                    falseAlarms++;
                }
            }
            for (WaterIncident incident : own) {
                Optional<Duration> after = entry.getValue().stream()
                        .filter(e -> e.raised() && matches(incident, e))
                        .map(e -> Duration.ofMillis(e.at().toEpochMilli() - incident.startMillis()))
                        .findFirst();
                boolean inTime = after.isPresent() && after.get().compareTo(deadline(incident, clock)) <= 0;
                outcomes.add(new Outcome(incident, after, inTime));
            }
        }
        return new Result(outcomes, falseAlarms, sensorDays);
    }

    /** A raised event of the incident's kind at or after its start, while it lasts (a leak: ever after). */
    private static boolean matches(WaterIncident incident, WaterEvent event) {
        boolean kind = (incident.kind() == WaterIncident.Kind.LEAK) == (event.problem() == WaterEvent.Problem.LEAK);
        long at = event.at().toEpochMilli();
        return kind && at >= incident.startMillis() && at <= incident.endMillis();
    }

    /** How long after its start an incident may be found. */
    private static Duration deadline(WaterIncident incident, DayClock clock) {
        if (incident.kind() == WaterIncident.Kind.BURST) {
            return BURST_DEADLINE;
        }
        long start = incident.startMillis();
        long day = clock.localDay(start);
        double hour = clock.hourOfDay(start);
        // The first whole night window after the start: tonight's if it has not begun, else tomorrow's.
        long nightDay = hour < 2 ? day : day + 1;
        long windowEnd = clock.at(nightDay, 4);
        return Duration.ofMillis(windowEnd - start).plus(READING_DELAY);
    }
}
