package city.mycity.simulator.water;

import city.mycity.citymodel.Sensor;
import city.mycity.reading.SensorKind;
import city.mycity.simulator.device.DayClock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plans leaks and bursts over a run: every other water sensor (in the city's order) gets one leak, the others one
 * burst, each at a random time after a week (so that each sensor has learnt its nights first) and before the last two
 * days (so that the leak has a night to be found in).
 *
 * <ul>
 *   <li>a leak adds 3% to 10% of the sensor's typical flow (a noticeable share of its night flow) and takes 0.02 to
 *       0.1 bar, and is not repaired during the run;
 *   <li>a burst happens in the day (06:00 to 20:00), adds 20% to 60% of the typical flow, takes 0.8 to 2.5 bar, and is
 *       isolated after 1 to 4 hours.
 * </ul>
 */
public final class WaterIncidents {

    /** Incidents start after this many days. */
    public static final int QUIET_DAYS = 8;

    private WaterIncidents() {}

    public static List<WaterIncident> plan(
            List<Sensor> sensors, long seed, long startMillis, int days, DayClock clock) {
        if (days < QUIET_DAYS + 3) {
            throw new IllegalArgumentException("A run with incidents needs at least " + (QUIET_DAYS + 3) + " days.");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<WaterIncident> incidents = new ArrayList<>();
        long firstDay = clock.localDay(startMillis) + QUIET_DAYS;
        int index = 0;
        for (Sensor sensor : sensors) {
            if (sensor.kind() != SensorKind.WATER) {
                continue;
            }
            long day = firstDay + random.nextInt(days - QUIET_DAYS - 2);
            if (index++ % 2 == 0) {
                long start = clock.at(day, random.nextDouble(0, 24));
                incidents.add(new WaterIncident(
                        sensor.id(),
                        WaterIncident.Kind.LEAK,
                        start,
                        Long.MAX_VALUE,
                        random.nextDouble(0.03, 0.10),
                        random.nextDouble(0.02, 0.1)));
            } else {
                long start = clock.at(day, random.nextDouble(6, 20));
                long hours = 3_600_000L;
                incidents.add(new WaterIncident(
                        sensor.id(),
                        WaterIncident.Kind.BURST,
                        start,
                        start + random.nextLong(hours, 4 * hours),
                        random.nextDouble(0.2, 0.6),
                        random.nextDouble(0.8, 2.5)));
            }
        }
        return List.copyOf(incidents);
    }
}
