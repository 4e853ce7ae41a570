package city.mycity.stream.parking;

import city.mycity.reading.DeviceInfo;
import city.mycity.reading.Reading;
import city.mycity.reading.SensorKind;
import city.mycity.stream.registry.DeviceRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

/** Keeps the {@code occupied} readings of parking bays and adds the bay's zone and car park from the registry. */
public class BayUpdates extends RichFlatMapFunction<Reading, BayUpdate> {

    private static final long serialVersionUID = 1L;
    private static final String OCCUPIED = "occupied";

    private final DeviceRegistry registry;
    private transient Map<String, DeviceInfo> bays;

    public BayUpdates(DeviceRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        bays = new HashMap<>();
        for (DeviceInfo device : registry.load()) {
            if (SensorKind.PARKING_BAY.code().equals(device.kind())) {
                bays.put(device.tenant() + "/" + device.device(), device);
            }
        }
    }

    @Override
    public void flatMap(Reading reading, Collector<BayUpdate> out) {
        if (reading.kind() != SensorKind.PARKING_BAY || !OCCUPIED.equals(reading.quantity())) {
            return;
        }
        DeviceInfo bay = bays.get(reading.tenant() + "/" + reading.device());
        if (bay != null) {
            out.collect(new BayUpdate(
                    reading.tenant(),
                    reading.device(),
                    bay.zone(),
                    bay.site(),
                    reading.value() >= 0.5,
                    reading.time()));
        }
    }
}
