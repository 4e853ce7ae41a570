package city.mycity.simulator.bins;

import city.mycity.citymodel.Sensor;
import city.mycity.simulator.device.Curves;
import city.mycity.simulator.device.DayClock;
import city.mycity.simulator.device.SimulatedDevice;
import city.mycity.simulator.incident.DeviceIncident;
import java.util.SplittableRandom;

/**
 * A fill-level sensor in a street bin. The bin fills at its own rate (0.5-4 % an hour at daytime, a fifth of that at
 * night), saturating at 100 %. The {@link CollectionRound} passes every morning and empties the bin when it is at
 * least {@link CollectionRound#THRESHOLD_PERCENT} full. Every {@link #INTERVAL_MILLIS} the sensor reports {@code fill}
 * in % and {@code temperature} in °C (the air around the bin, a little warmer when it is full).
 */
public final class BinSensor extends SimulatedDevice {

    public static final long INTERVAL_MILLIS = 30 * 60_000L;

    private final CollectionRound round;
    private final double ratePerHour;
    private final double temperatureOffset;
    private double fill;
    private long lastUpdate = Long.MIN_VALUE;

    public BinSensor(Sensor sensor, long seed, CollectionRound round) {
        super(sensor, seed);
        SplittableRandom own = new SplittableRandom(seed ^ 0xB1B1L);
        this.round = round;
        double u = own.nextDouble();
        this.ratePerHour = 0.5 + 3.5 * u * u;
        this.temperatureOffset = own.nextDouble(-1.5, 1.5);
        this.fill = own.nextDouble(0, 60);
    }

    /** The true fill level, in %. */
    public double fill() {
        return fill;
    }

    @Override
    protected long intervalMillis() {
        return INTERVAL_MILLIS;
    }

    @Override
    protected double[] observe(long now, DayClock clock, SplittableRandom random) {
        if (lastUpdate != Long.MIN_VALUE) {
            long from = lastUpdate;
            for (long day = clock.localDay(from); day <= clock.localDay(now); day++) {
                long collection = round.timeOn(clock, day);
                if (collection > from && collection <= now) {
                    fillBetween(from, collection, clock);
                    if (fill >= CollectionRound.THRESHOLD_PERCENT) {
                        fill = random.nextDouble(0, 3);
                    }
                    from = collection;
                }
            }
            fillBetween(from, now, clock);
        }
        lastUpdate = now;
        double hour = clock.hourOfDay(now);
        double air = 9 + 7 * Curves.bump(hour, 15, 4.5);
        double temperature = air + temperatureOffset + fill / 50 + 0.3 * random.nextGaussian();
        return new double[] {Curves.round(fill, 1), Curves.round(temperature, 1)};
    }

    private void fillBetween(long from, long to, DayClock clock) {
        double hours = (to - from) / 3_600_000.0;
        long middle = from + (to - from) / 2;
        double activity = 0.2 + 0.8 * Curves.plateau(clock.hourOfDay(middle), 8, 21, 2);
        double rate = ratePerHour * incidentFactor(DeviceIncident.Kind.OVERFLOW, middle);
        fill = Math.min(100, fill + rate * activity * hours);
    }
}
