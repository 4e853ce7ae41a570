package city.mycity.simulator.traffic;

import city.mycity.citymodel.Sensor;
import city.mycity.simulator.device.Curves;
import city.mycity.simulator.device.DayClock;
import city.mycity.simulator.device.SimulatedDevice;
import city.mycity.simulator.incident.DeviceIncident;
import java.util.SplittableRandom;

/**
 * A traffic counter on a road segment. Every {@link #INTERVAL_MILLIS} it reports the vehicles counted in the interval
 * ({@code count}) and their mean speed in km/h ({@code speed}); the busier the road, the slower the traffic. Each
 * counter draws its own road size (40-250 vehicles per interval at peak) and free-flow speed (35-70 km/h).
 */
public final class TrafficCounter extends SimulatedDevice {

    public static final long INTERVAL_MILLIS = 5 * 60_000L;

    private final double peakCount;
    private final double freeFlowSpeed;

    public TrafficCounter(Sensor sensor, long seed) {
        super(sensor, seed);
        SplittableRandom own = new SplittableRandom(seed ^ 0x7AFF1CL);
        this.peakCount = own.nextDouble(40, 250);
        this.freeFlowSpeed = own.nextDouble(35, 70);
    }

    @Override
    protected long intervalMillis() {
        return INTERVAL_MILLIS;
    }

    @Override
    protected double[] observe(long now, DayClock clock, SplittableRandom random) {
        double expected = peakCount * TrafficProfile.share(clock.hourOfDay(now), clock.isWeekend(now));
        double noisy = expected + random.nextGaussian() * Math.sqrt(expected);
        double count = Math.max(0, Math.round(noisy));
        double load = Math.min(1.2, count / peakCount);
        double speed = freeFlowSpeed * (1 - 0.55 * load * load) + random.nextGaussian() * 2;
        speed *= incidentFactor(DeviceIncident.Kind.CONGESTION, now);
        return new double[] {count, Curves.round(Curves.clamp(speed, 3, 200), 1)};
    }
}
