package city.mycity.simulator.water;

import city.mycity.citymodel.Sensor;
import city.mycity.simulator.device.Curves;
import city.mycity.simulator.device.DayClock;
import city.mycity.simulator.device.SimulatedDevice;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A flow and pressure sensor on a water main. Every {@link #INTERVAL_MILLIS} it reports the flow in l/min ({@code
 * flow}), which follows {@link WaterDemand}, and the pressure in bar ({@code pressure}), which drops as the flow rises
 * (friction losses grow with the square of the flow): highest at night, lowest at the morning peak.
 */
public final class WaterSensor extends SimulatedDevice {

    public static final long INTERVAL_MILLIS = 5 * 60_000L;

    private final double typicalFlow;
    private final double staticPressure;
    private final double pressureDrop;
    private final List<WaterIncident> incidents;

    public WaterSensor(Sensor sensor, long seed) {
        this(sensor, seed, List.of());
    }

    /** A sensor that also sees these incidents (those of other devices are ignored). */
    public WaterSensor(Sensor sensor, long seed, List<WaterIncident> incidents) {
        super(sensor, seed);
        this.incidents =
                incidents.stream().filter(i -> i.device().equals(sensor.id())).toList();
        SplittableRandom own = new SplittableRandom(seed ^ 0x3A7E5L);
        this.typicalFlow = own.nextDouble(300, 3000);
        this.staticPressure = own.nextDouble(4.5, 6.5);
        this.pressureDrop = own.nextDouble(1.0, 2.0);
    }

    @Override
    protected long intervalMillis() {
        return INTERVAL_MILLIS;
    }

    @Override
    protected double[] observe(long now, DayClock clock, SplittableRandom random) {
        double share =
                WaterDemand.share(clock.hourOfDay(now), clock.isWeekend(now)) * (1 + 0.03 * random.nextGaussian());
        share = Math.max(0.05, share);
        double load = share / 1.3;
        double pressure = staticPressure - pressureDrop * load * load + 0.03 * random.nextGaussian();
        double flow = typicalFlow * share;
        for (WaterIncident incident : incidents) {
            if (incident.isActiveAt(now)) {
                flow += typicalFlow * incident.extraFlowShare();
                pressure -= incident.pressureDrop();
            }
        }
        return new double[] {Curves.round(flow, 1), Curves.round(Curves.clamp(pressure, 0.5, 24), 2)};
    }
}
