package city.mycity.stream.water;

import city.mycity.analytics.alert.AlertSignal;
import city.mycity.analytics.alert.Severity;
import city.mycity.analytics.water.WaterEvent;
import city.mycity.analytics.water.WaterWatch;
import city.mycity.reading.Reading;
import city.mycity.stream.alerts.DeviceWatchFunction;
import city.mycity.stream.registry.DeviceRegistry;
import city.mycity.stream.registry.RegistryRefresh;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.util.Collector;

/**
 * Keyed by water sensor: its flow and pressure readings, in device-time order, through a {@link WaterWatch}; each leak
 * or burst that starts or ends becomes a critical {@link AlertSignal} at the sensor's place.
 */
public class WaterWatchFunction extends DeviceWatchFunction<WaterWatch> {

    private static final long serialVersionUID = 1L;

    private final ZoneId zone;

    /** @param zone the city's time zone: nights are local nights */
    public WaterWatchFunction(ZoneId zone, DeviceRegistry registry, RegistryRefresh refresh) {
        super(WaterWatch.class, registry, refresh);
        this.zone = zone;
    }

    @Override
    protected WaterWatch newWatch() {
        return new WaterWatch();
    }

    @Override
    protected void process(Reading reading, TimerService timers, Collector<AlertSignal> out) throws Exception {
        WaterWatch current = watch();
        LocalDateTime local = LocalDateTime.ofInstant(reading.time(), zone);
        Optional<WaterEvent> event =
                switch (reading.quantity()) {
                    case "flow" -> current.flow(local, reading.time(), reading.value());
                    case "pressure" -> current.pressure(local, reading.time(), reading.value());
                    default -> Optional.empty();
                };
        keep(current);
        if (event.isPresent()) {
            WaterEvent e = event.get();
            out.collect(signal(
                    reading.tenant(),
                    reading.device(),
                    e.problem().code(),
                    Severity.CRITICAL,
                    e.raised(),
                    e.at(),
                    e.detail()));
        }
    }
}
