package city.mycity.simulator.parking;

import city.mycity.simulator.device.Curves;
import java.util.SplittableRandom;

/**
 * A car park's day: nearly empty at night, filling when commuters arrive in the morning, full-ish through the day and
 * emptying in the evening. Each car park draws its own levels and hours, so no two look alike.
 *
 * @param night the occupied share at night (0.03-0.15)
 * @param peak the occupied share in the middle of a weekday (0.65-0.97)
 * @param arrival the hour by which half the commuters have arrived (07:00-09:30)
 * @param departure the hour by which half of them have left (16:00-19:00)
 */
public record CarParkProfile(double night, double peak, double arrival, double departure) implements OccupancyTarget {

    /** On Saturdays and Sundays the peak is this share of the weekday's. */
    static final double WEEKEND_FACTOR = 0.55;

    public static CarParkProfile random(SplittableRandom random) {
        return new CarParkProfile(
                random.nextDouble(0.03, 0.15),
                random.nextDouble(0.65, 0.97),
                random.nextDouble(7.0, 9.5),
                random.nextDouble(16.0, 19.0));
    }

    @Override
    public double at(double hourOfDay, boolean weekend) {
        double day = Curves.plateau(hourOfDay, arrival, departure, 2.0);
        double top = weekend ? night + (peak - night) * WEEKEND_FACTOR : peak;
        return night + (top - night) * day;
    }
}
