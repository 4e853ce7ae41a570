package city.mycity.stream.alerts;

import city.mycity.analytics.alert.AlertSignal;
import city.mycity.reading.Reading;
import city.mycity.reading.SensorKind;
import city.mycity.stream.bins.BinWatchFunction;
import city.mycity.stream.health.HealthFunction;
import city.mycity.stream.health.OutOfRange;
import city.mycity.stream.registry.DeviceRegistry;
import city.mycity.stream.registry.RegistryRefresh;
import city.mycity.stream.time.InEventTimeOrder;
import city.mycity.stream.traffic.TrafficWatchFunction;
import city.mycity.stream.water.WaterWatchFunction;
import java.time.ZoneId;
import java.util.Locale;

/** The alerting analytics jobs, one per domain: which readings each watches, and with what. */
public enum Domain {
    /** Leaks and bursts on the water mains, from the water sensors' flow and pressure. */
    WATER {
        @Override
        public boolean watches(Reading reading) {
            return reading.kind() == SensorKind.WATER
                    && ("flow".equals(reading.quantity()) || "pressure".equals(reading.quantity()));
        }

        @Override
        public InEventTimeOrder<AlertSignal> watch(ZoneId zone, DeviceRegistry registry, RegistryRefresh refresh) {
            return new WaterWatchFunction(zone, registry, refresh);
        }
    },
    /** Bins: full ones as alerts, and every bin's status (fill rate, when it will be full, last emptied). */
    BINS {
        @Override
        public boolean watches(Reading reading) {
            return reading.kind() == SensorKind.BIN && "fill".equals(reading.quantity());
        }

        @Override
        public InEventTimeOrder<AlertSignal> watch(ZoneId zone, DeviceRegistry registry, RegistryRefresh refresh) {
            return new BinWatchFunction(registry, refresh);
        }
    },
    /** Traffic: each counter's flow and speed in 5-minute windows, and congestion as alerts. */
    TRAFFIC {
        @Override
        public boolean watches(Reading reading) {
            return reading.kind() == SensorKind.TRAFFIC_COUNTER
                    && ("count".equals(reading.quantity()) || "speed".equals(reading.quantity()));
        }

        @Override
        public InEventTimeOrder<AlertSignal> watch(ZoneId zone, DeviceRegistry registry, RegistryRefresh refresh) {
            return new TrafficWatchFunction(zone, registry, refresh);
        }
    },
    /** Every device's health: offline, battery low, stuck, out of range. */
    HEALTH {
        @Override
        public boolean watches(Reading reading) {
            return true;
        }

        @Override
        public boolean watchesOutOfRange() {
            return true;
        }

        @Override
        public InEventTimeOrder<AlertSignal> watch(ZoneId zone, DeviceRegistry registry, RegistryRefresh refresh) {
            return new HealthFunction(registry, refresh);
        }
    };

    /** Whether the domain's job looks at this reading. */
    public abstract boolean watches(Reading reading);

    /**
     * Whether the domain's watch also takes the records refused as out of range, {@link OutOfRange marked}. By
     * default, no.
     */
    public boolean watchesOutOfRange() {
        return false;
    }

    /** The keyed function that watches one device of the domain. */
    public abstract InEventTimeOrder<AlertSignal> watch(ZoneId zone, DeviceRegistry registry, RegistryRefresh refresh);

    /** The domain's name in stages, operator ids and subscription groups, e.g. {@code water}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The job's name, e.g. {@code mycity-water}. */
    public String jobName() {
        return "mycity-" + code();
    }
}
