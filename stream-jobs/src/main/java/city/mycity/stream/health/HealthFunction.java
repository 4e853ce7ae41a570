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
 * an {@link AlertSignal} at the device's place (offline and a gateway's backlog: warning; battery low and stuck:
 * info).
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
        for (HealthEvent event : current.reading(reading.quantity(), reading.value(), reading.time())) {
            out.collect(signalOf(event));
        }
        Optional<Instant> due = current.deadline();
        if (due.isPresent() && !Long.valueOf(due.get().toEpochMilli()).equals(deadline.value())) {
            if (deadline.value() != null) {
                timers.deleteEventTimeTimer(deadline.value());
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
                HealthWatch.OFFLINE.equals(event.problem()) || HealthWatch.BACKLOG.equals(event.problem())
                        ? Severity.WARNING
                        : Severity.INFO,
                event.raised(),
                event.at(),
                event.detail());
    }
}
