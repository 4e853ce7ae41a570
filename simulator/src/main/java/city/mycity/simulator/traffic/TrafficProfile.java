package city.mycity.simulator.traffic;

import city.mycity.simulator.device.Curves;

/**
 * The share of a road's peak traffic at a time of day: quiet at night, a morning peak around 08:00, a steady day and
 * a broader evening peak around 17:30 on weekdays; one late-morning-to-afternoon hump at weekends.
 */
public final class TrafficProfile {

    private TrafficProfile() {}

    /** From about 0.05 at night to about 1 at the weekday peaks. */
    public static double share(double hourOfDay, boolean weekend) {
        if (weekend) {
            return 0.05 + 0.6 * Curves.bump(hourOfDay, 13.5, 3.5);
        }
        double am = Curves.bump(hourOfDay, 8.0, 1.0);
        double pm = Curves.bump(hourOfDay, 17.5, 1.3);
        double day = 0.55 * Curves.plateau(hourOfDay, 6.5, 20.5, 2.0);
        return 0.05 + 0.95 * Math.max(day, Math.max(am, pm));
    }
}
