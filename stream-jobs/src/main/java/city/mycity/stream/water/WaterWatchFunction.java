package city.mycity.stream.water;

import city.mycity.analytics.alert.AlertSignal;
import city.mycity.analytics.alert.Severity;
import city.mycity.analytics.water.WaterEvent;
import city.mycity.analytics.water.WaterWatch;
import city.mycity.reading.DeviceInfo;
import city.mycity.reading.Reading;
import city.mycity.stream.registry.DeviceRegistry;
import city.mycity.stream.registry.LiveDirectory;
import city.mycity.stream.registry.RegistryRefresh;
import city.mycity.stream.time.InEventTimeOrder;
import city.mycity.stream.time.JavaBytes;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.util.Collector;

/**
 * Keyed by water sensor: its flow and pressure readings, in device-time order, through a {@link WaterWatch}; each leak
 * or burst that starts or ends becomes an {@link AlertSignal} at the sensor's place.
 */
public class WaterWatchFunction extends InEventTimeOrder<AlertSignal> {

    private static final long serialVersionUID = 1L;

    private final ZoneId zone;
    private final DeviceRegistry registry;
    private final RegistryRefresh refresh;
    private transient ValueState<byte[]> watch;
    private transient LiveDirectory devices;

    /** @param zone the city's time zone: nights are local nights */
    public WaterWatchFunction(ZoneId zone, DeviceRegistry registry, RegistryRefresh refresh) {
        this.zone = zone;
        this.registry = registry;
        this.refresh = refresh;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        super.open(openContext);
        watch = getRuntimeContext()
                .getState(new ValueStateDescriptor<>("watch", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        devices = LiveDirectory.open(registry, refresh);
    }

    @Override
    protected void process(Reading reading, Collector<AlertSignal> out) throws Exception {
        WaterWatch current = JavaBytes.read(watch.value(), WaterWatch.class);
        if (current == null) {
            current = new WaterWatch();
        }
        LocalDateTime local = LocalDateTime.ofInstant(reading.time(), zone);
        Optional<WaterEvent> event =
                switch (reading.quantity()) {
                    case "flow" -> current.flow(local, reading.time(), reading.value());
                    case "pressure" -> current.pressure(local, reading.time(), reading.value());
                    default -> Optional.empty();
                };
        watch.update(JavaBytes.of(current));
        if (event.isPresent()) {
            WaterEvent e = event.get();
            Optional<DeviceInfo> device = devices.find(reading.tenant(), reading.device());
            out.collect(new AlertSignal(
                    reading.tenant(),
                    reading.device(),
                    e.problem().code(),
                    Severity.CRITICAL,
                    e.raised(),
                    e.at(),
                    e.detail(),
                    device.map(DeviceInfo::latitude).orElse(Double.NaN),
                    device.map(DeviceInfo::longitude).orElse(Double.NaN)));
        }
    }
}
