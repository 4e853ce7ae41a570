package city.mycity.simulator.parking;

import city.mycity.simulator.device.Curves;

/**
 * On-street bays: residents' cars overnight, shoppers and workers in the day, a quieter evening. Busier than a car park
 * at night, with a much higher turnover.
 */
public final class StreetParkingProfile implements OccupancyTarget {

    public static final StreetParkingProfile INSTANCE = new StreetParkingProfile();

    private StreetParkingProfile() {}

    @Override
    public double at(double hourOfDay, boolean weekend) {
        double day = Curves.plateau(hourOfDay, 8.0, 18.5, 2.0);
        double evening = Curves.plateau(hourOfDay, 18.5, 23.0, 2.0);
        double daytime = weekend ? 0.7 : 0.85;
        return 0.35 + (daytime - 0.35) * day + 0.2 * evening;
    }
}
