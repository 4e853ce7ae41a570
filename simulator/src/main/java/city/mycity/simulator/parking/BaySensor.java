package city.mycity.simulator.parking;

import city.mycity.citymodel.Sensor;
import city.mycity.simulator.device.DayClock;
import city.mycity.simulator.device.SimulatedDevice;
import java.util.SplittableRandom;

/**
 * A bay sensor. Every few minutes drivers may arrive or leave: a free bay is taken with probability {@code turnover *
 * target} and an occupied one freed with probability {@code turnover * (1 - target)}, so the bays of a car park settle
 * around its target occupancy and follow it through the day. The sensor reports {@code occupied} (0 or 1) when it
 * changes, and repeats it as a heartbeat when it has been quiet for {@link #HEARTBEAT_MILLIS}.
 */
public final class BaySensor extends SimulatedDevice {

    /** How often drivers may come or go: the sensor's internal tick. */
    public static final long TICK_MILLIS = 5 * 60_000L;
    /** The longest a bay stays silent: it repeats its state after 30 minutes without a change. */
    public static final long HEARTBEAT_MILLIS = 30 * 60_000L;
    /** Per tick, in a car park: long stays. */
    public static final double CAR_PARK_TURNOVER = 0.12;
    /** Per tick, on the street: short stays. */
    public static final double STREET_TURNOVER = 0.3;

    private final OccupancyTarget target;
    private final double turnover;
    private boolean occupied;
    private boolean started;
    private long lastSent = Long.MIN_VALUE;

    public BaySensor(Sensor sensor, long seed, OccupancyTarget target, double turnover) {
        super(sensor, seed);
        this.target = target;
        this.turnover = turnover;
    }

    /** Whether a vehicle stands on the bay now (what the sensor would report if it were not faulty). */
    public boolean occupied() {
        return occupied;
    }

    @Override
    protected long intervalMillis() {
        return TICK_MILLIS;
    }

    @Override
    protected double[] observe(long now, DayClock clock, SplittableRandom random) {
        double share = target.at(clock.hourOfDay(now), clock.isWeekend(now));
        boolean changed;
        if (!started) {
            started = true;
            occupied = random.nextDouble() < share;
            changed = true;
        } else {
            double flip = occupied ? turnover * (1 - share) : turnover * share;
            changed = random.nextDouble() < flip;
            if (changed) {
                occupied = !occupied;
            }
        }
        if (!changed && now - lastSent < HEARTBEAT_MILLIS) {
            return null;
        }
        lastSent = now;
        return new double[] {occupied ? 1 : 0};
    }
}
