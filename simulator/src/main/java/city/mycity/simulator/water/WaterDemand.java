package city.mycity.simulator.water;

import city.mycity.simulator.device.Curves;

/**
 * The share of a main's typical flow at a time of day: a night minimum around 03:00 (leakage and a few night users),
 * a sharp morning peak around 07:30 and a broader evening peak around 19:30.
 */
public final class WaterDemand {

    /** The hour of the night minimum. */
    public static final double NIGHT_MINIMUM_HOUR = 3.0;

    private WaterDemand() {}

    /** From about 0.25 at 03:00 to about 1.3 at the morning peak. */
    public static double share(double hourOfDay, boolean weekend) {
        double morningHour = weekend ? 9.0 : 7.5;
        double morning = Curves.bump(hourOfDay, morningHour, 1.3);
        double evening = Curves.bump(hourOfDay, 19.5, 2.0);
        double day = Curves.plateau(hourOfDay, 6.0, 22.5, 2.0);
        double night = 1 - Curves.bump(hourOfDay, NIGHT_MINIMUM_HOUR, 2.0);
        return 0.25 + 0.1 * night + 0.35 * day + 0.6 * morning + 0.45 * evening;
    }
}
