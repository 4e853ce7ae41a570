package city.mycity.stream.traffic;

import city.mycity.analytics.alert.AlertSignal;
import city.mycity.analytics.alert.Severity;
import city.mycity.analytics.traffic.TrafficWatch;
import city.mycity.analytics.traffic.TrafficWindow;
import city.mycity.reading.Reading;
import city.mycity.stream.alerts.DeviceWatchFunction;
import city.mycity.stream.registry.DeviceRegistry;
import city.mycity.stream.registry.RegistryRefresh;
import java.time.ZoneId;
import java.util.Locale;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by traffic counter: its count and speed readings, in device-time order, through a {@link TrafficWatch}. Each
 * completed 5-minute window goes to the {@link #FLOW} side output; congestion against the segment's own typical speed
 * raises a {@code congestion} alert (warning) until traffic flows again.
 */
public class TrafficWatchFunction extends DeviceWatchFunction<TrafficWatch> {

    private static final long serialVersionUID = 1L;

    public static final String CONGESTION = "congestion";
    public static final OutputTag<TrafficFlowRow> FLOW =
            new OutputTag<>("traffic-flow", Types.POJO(TrafficFlowRow.class));

    private final ZoneId zone;

    /** @param zone the city's clock, whose hours the typical speeds follow */
    public TrafficWatchFunction(ZoneId zone, DeviceRegistry registry, RegistryRefresh refresh) {
        super(TrafficWatch.class, registry, refresh);
        this.zone = zone;
    }

    @Override
    protected TrafficWatch newWatch() {
        return new TrafficWatch(zone);
    }

    @Override
    protected void process(Reading reading, TimerService timers, Collector<AlertSignal> out) throws Exception {
        TrafficWatch current = watch();
        TrafficWatch.Outcome outcome = current.reading(reading.quantity(), reading.value(), reading.time());
        keep(current);
        if (outcome.window().isPresent()) {
            TrafficWindow w = outcome.window().get();
            output(
                    FLOW,
                    new TrafficFlowRow(
                            reading.tenant(),
                            reading.device(),
                            w.start(),
                            w.vehiclesPerHour(),
                            w.speed(),
                            w.level().name().toLowerCase(Locale.ROOT)));
            if (outcome.congestion().isPresent()) {
                boolean congested = outcome.congestion().get();
                out.collect(signal(
                        reading.tenant(),
                        reading.device(),
                        CONGESTION,
                        Severity.WARNING,
                        congested,
                        w.start(),
                        String.format(
                                congested
                                        ? "%.0f km/h, far under the usual speed for the hour (%.0f vehicles/h)"
                                        : "flowing again at %.0f km/h (%.0f vehicles/h)",
                                w.speed(),
                                w.vehiclesPerHour())));
            }
        }
    }
}
