package city.mycity.stream.bins;

import city.mycity.analytics.alert.AlertSignal;
import city.mycity.analytics.alert.Severity;
import city.mycity.analytics.bins.BinStatus;
import city.mycity.analytics.bins.BinWatch;
import city.mycity.reading.Reading;
import city.mycity.stream.alerts.DeviceWatchFunction;
import city.mycity.stream.registry.DeviceRegistry;
import city.mycity.stream.registry.RegistryRefresh;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by bin: its fill readings, in device-time order, through a {@link BinWatch}. A bin that reaches {@value
 * BinWatch#FULL}% raises a {@code bin-full} alert (warning), resolved when it is emptied; every reading also updates
 * the bin's status ({@link #STATUS} side output): fill, fill rate, when it will be full, when it was last emptied.
 */
public class BinWatchFunction extends DeviceWatchFunction<BinWatch> {

    private static final long serialVersionUID = 1L;

    public static final String BIN_FULL = "bin-full";
    public static final OutputTag<BinStatusRow> STATUS = new OutputTag<>("bin-status", Types.POJO(BinStatusRow.class));

    public BinWatchFunction(DeviceRegistry registry, RegistryRefresh refresh) {
        super(BinWatch.class, registry, refresh);
    }

    @Override
    protected BinWatch newWatch() {
        return new BinWatch();
    }

    @Override
    protected void process(Reading reading, TimerService timers, Collector<AlertSignal> out) throws Exception {
        BinWatch current = watch();
        BinWatch.Change change = current.fill(reading.value(), reading.time());
        keep(current);
        if (change.full().isPresent()) {
            boolean full = change.full().get();
            out.collect(signal(
                    reading.tenant(),
                    reading.device(),
                    BIN_FULL,
                    Severity.WARNING,
                    full,
                    reading.time(),
                    full
                            ? String.format("%.0f%% full", reading.value())
                            : String.format("emptied: %.0f%% full", reading.value())));
        }
        BinStatus status = current.status().orElseThrow();
        output(
                STATUS,
                new BinStatusRow(
                        reading.tenant(),
                        reading.device(),
                        status.fill(),
                        status.ratePerHour(),
                        status.fullAt(),
                        status.lastCollected(),
                        status.at()));
    }
}
