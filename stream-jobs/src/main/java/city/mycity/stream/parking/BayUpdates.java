package city.mycity.stream.parking;

import city.mycity.reading.DeviceInfo;
import city.mycity.reading.Reading;
import city.mycity.reading.SensorKind;
import city.mycity.stream.registry.DeviceRegistry;
import city.mycity.stream.registry.LiveDirectory;
import city.mycity.stream.registry.RegistryRefresh;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Keeps the {@code occupied} readings of parking bays and adds the bay's zone and car park from the registry (reloaded
 * while the job runs, see {@link LiveDirectory}).
 */
public class BayUpdates extends RichFlatMapFunction<Reading, BayUpdate> {

    private static final long serialVersionUID = 1L;
    private static final String OCCUPIED = "occupied";

    private final DeviceRegistry registry;
    private final RegistryRefresh refresh;
    private transient LiveDirectory devices;

    public BayUpdates(DeviceRegistry registry, RegistryRefresh refresh) {
        this.registry = registry;
        this.refresh = refresh;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        devices = LiveDirectory.open(registry, refresh);
    }

    @Override
    public void flatMap(Reading reading, Collector<BayUpdate> out) {
        if (reading.kind() != SensorKind.PARKING_BAY || !OCCUPIED.equals(reading.quantity())) {
            return;
        }
        DeviceInfo bay = devices.find(reading.tenant(), reading.device()).orElse(null);
        if (bay != null && SensorKind.PARKING_BAY.code().equals(bay.kind())) {
            out.collect(new BayUpdate(
                    reading.tenant(),
                    reading.device(),
                    bay.zone(),
                    bay.site(),
                    reading.value() >= 0.5,
                    reading.time(),
                    reading.sequence()));
        }
    }
}
