package city.mycity.stream.health;

import city.mycity.analytics.alert.AlertSignal;
import city.mycity.analytics.alert.Severity;
import city.mycity.analytics.health.HealthEvent;
import city.mycity.analytics.health.HealthWatch;
import city.mycity.reading.Reading;
import city.mycity.stream.alerts.DeviceWatchFunction;
import city.mycity.stream.registry.DeviceRegistry;
import city.mycity.stream.registry.RegistryRefresh;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.util.Collector;

/**
 * Keyed by device: its readings, in device-time order, through a {@link HealthWatch}; an event-time timer at the
 * device's offline deadline calls it offline when the watermark (driven by the other devices' readings) passes it with
 * nothing from it, so that a city whose broker is away calls nobody offline. Each problem that starts or ends becomes
 * an {@link AlertSignal} at the device's place (offline, out of range and a gateway's backlog: warning; battery low
 * and stuck: info). Its input holds, beside the device's readings, its records refused as out of range, {@link
 * OutOfRange marked}.
 */
public class HealthFunction extends DeviceWatchFunction<HealthWatch> {

    private static final long serialVersionUID = 1L;

    private transient ValueState<Long> deadline;

    public HealthFunction(DeviceRegistry registry, RegistryRefresh refresh) {
        super(HealthWatch.class, registry, refresh);
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        super.open(openContext);
        deadline = getRuntimeContext().getState(new ValueStateDescriptor<>("deadline", Types.LONG));
    }

    @Override
    protected HealthWatch newWatch() {
        return new HealthWatch();
    }

    @Override
    protected void process(Reading reading, TimerService timers, Collector<AlertSignal> out) throws Exception {
        HealthWatch current = watch();
        List<HealthEvent> events = OutOfRange.marks(reading)
                ? current.refused(reading.time(), OutOfRange.detail(reading))
                : current.reading(reading.quantity(), reading.value(), reading.time());
        for (HealthEvent event : events) {
            out.collect(signalOf(event));
        }
        Optional<Instant> due = current.deadline();
        if (due.isPresent() && !Long.valueOf(due.get().toEpochMilli()).equals(deadline.value())) {
            if (deadline.value() != null) {
                deleteTimer(deadline.value());
            }
            deadline.update(due.get().toEpochMilli());
            timers.registerEventTimeTimer(due.get().toEpochMilli());
        }
        keep(current);
    }

    @Override
    protected void onEventTime(long timestamp, Collector<AlertSignal> out) throws Exception {
        Long due = deadline.value();
        if (due == null || timestamp < due) {
            return;
        }
        HealthWatch current = watch();
        Optional<HealthEvent> offline = current.missed(Instant.ofEpochMilli(timestamp));
        deadline.clear();
        keep(current);
        if (offline.isPresent()) {
            out.collect(signalOf(offline.get()));
        }
    }

    private AlertSignal signalOf(HealthEvent event) throws Exception {
        // Keyed by tenant/device.
        String key = currentKey();
        int slash = key.indexOf('/');
        return signal(
                key.substring(0, slash),
                key.substring(slash + 1),
                event.problem(),
                HealthWatch.BATTERY_LOW.equals(event.problem()) || HealthWatch.STUCK.equals(event.problem())
                        ? Severity.INFO
                        : Severity.WARNING,
                event.raised(),
                event.at(),
                event.detail());
    }
}
