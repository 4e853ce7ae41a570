package city.mycity.simulator.device;

import city.mycity.citymodel.Sensor;
import city.mycity.simulator.incident.DeviceIncident;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One simulated sensor: it wakes at times it chooses and, each time, either reports values or stays silent. Values
 * come in the order of its kind's {@link city.mycity.reading.SensorKind#quantities()}. Not thread-safe: the
 * simulator steps each device from one thread.
 */
public abstract class SimulatedDevice {

    private final Sensor sensor;
    private final SplittableRandom random;
    private long nextWake;
    private List<DeviceIncident> incidents = List.of();
    private double[] stuckAt;

    /**
     * @param seed the device's own seed, so that its pattern does not depend on the other devices
     */
    protected SimulatedDevice(Sensor sensor, long seed) {
        this.sensor = sensor;
        this.random = new SplittableRandom(seed);
    }

    public final Sensor sensor() {
        return sensor;
    }

    /** When the device next wakes, in epoch milliseconds of simulated time. */
    public final long nextWake() {
        return nextWake;
    }

    /** Sets the first wake-up, a random moment within the device's interval after the start, so devices spread out. */
    public final void start(long startMillis) {
        nextWake = startMillis + random.nextLong(Math.max(1, intervalMillis()));
    }

    /** The incidents this device has (those of other devices are ignored). By default, none. */
    public final void incidents(List<DeviceIncident> all) {
        this.incidents =
                all.stream().filter(i -> i.device().equals(sensor.id())).toList();
    }

    /**
     * Wakes the device at {@link #nextWake()} and schedules the next wake-up. A device that is {@link
     * DeviceIncident.Kind#DEAD} still measures (so that what it measures after is what it would have) but sends
     * nothing; a {@link DeviceIncident.Kind#STUCK} one sends what it measured when it got stuck.
     *
     * @return the values to report now, or {@code null} when the device stays silent
     */
    public final double[] wake(DayClock clock) {
        long now = nextWake;
        double[] values = observe(now, clock, random);
        if (values != null && DeviceIncident.anyActive(incidents, DeviceIncident.Kind.STUCK, now)) {
            stuckAt = stuckAt == null ? values : stuckAt;
            values = stuckAt.clone();
        } else if (values != null) {
            stuckAt = null;
        }
        if (DeviceIncident.anyActive(incidents, DeviceIncident.Kind.DEAD, now)) {
            values = null;
        }
        long interval = intervalMillis();
        long jitter = interval / 20;
        nextWake = now + interval + (jitter > 0 ? random.nextLong(-jitter, jitter + 1) : 0);
        return values;
    }

    /** Whether the device has an incident of this kind at {@code millis}. */
    public final boolean has(DeviceIncident.Kind kind, long millis) {
        return DeviceIncident.anyActive(incidents, kind, millis);
    }

    /** How an incident of this kind changes the device at {@code now}: its factor, or 1 when none is active. */
    protected final double incidentFactor(DeviceIncident.Kind kind, long now) {
        return DeviceIncident.factorAt(incidents, kind, now);
    }

    /** The usual time between two wake-ups; each one is jittered by up to 5 %. */
    protected abstract long intervalMillis();

    /** What the device reports at {@code now}, or {@code null} for nothing. */
    protected abstract double[] observe(long now, DayClock clock, SplittableRandom random);
}
