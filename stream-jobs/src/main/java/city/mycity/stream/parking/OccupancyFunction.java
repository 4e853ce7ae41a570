package city.mycity.stream.parking;

import city.mycity.reading.DeviceInfo;
import city.mycity.stream.registry.DeviceRegistry;
import city.mycity.stream.registry.LiveDirectory;
import city.mycity.stream.registry.RegistryRefresh;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts the occupied bays of one car park or zone (the key: tenant and scope id) by device time: each bay's newest
 * reading wins (by time, then by sequence number: a bay that changes twice in one second ends in its later state), an
 * older or repeated one changes nothing. Emits the new occupancy whenever a bay's state changes
 * time, stamped with the newest bay time seen, so that the stored occupancy never moves backwards. The number of
 * registered bays follows the registry as it is reloaded (see {@link LiveDirectory}).
 */
public class OccupancyFunction extends KeyedProcessFunction<String, BayUpdate, Occupancy> {

    private static final long serialVersionUID = 1L;

    private final Scope scope;
    private final DeviceRegistry registry;
    private final RegistryRefresh refresh;
    private transient LiveDirectory devices;
    private transient List<DeviceInfo> countedFrom;
    private transient Map<String, Integer> bayCounts;
    private transient MapState<String, BayState> bays;
    private transient ValueState<Integer> occupied;
    private transient ValueState<Long> newest;

    /** Reloads the registry as {@link RegistryRefresh#DEFAULT} says. */
    public OccupancyFunction(Scope scope, DeviceRegistry registry) {
        this(scope, registry, RegistryRefresh.DEFAULT);
    }

    public OccupancyFunction(Scope scope, DeviceRegistry registry, RegistryRefresh refresh) {
        this.scope = scope;
        this.registry = registry;
        this.refresh = refresh;
    }

    /** The last known state of one bay. */
    public record BayState(boolean occupied, long time, long sequence) {

        boolean isNewerThan(long otherTime, long otherSequence) {
            return time > otherTime || (time == otherTime && sequence >= otherSequence);
        }
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        devices = LiveDirectory.open(registry, refresh);
        bays = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>("bays", Types.STRING, Types.POJO(BayState.class)));
        occupied = getRuntimeContext().getState(new ValueStateDescriptor<>("occupied", Types.INT));
        newest = getRuntimeContext().getState(new ValueStateDescriptor<>("newest", Types.LONG));
    }

    @Override
    public void processElement(BayUpdate update, Context context, Collector<Occupancy> out) throws Exception {
        long time = update.time().toEpochMilli();
        BayState before = bays.get(update.device());
        if (before != null && before.isNewerThan(time, update.sequence())) {
            return;
        }
        bays.put(update.device(), new BayState(update.occupied(), time, update.sequence()));
        int count = occupied.value() == null ? 0 : occupied.value();
        boolean wasOccupied = before != null && before.occupied();
        count += (update.occupied() ? 1 : 0) - (wasOccupied ? 1 : 0);
        occupied.update(count);
        long latest = Math.max(time, newest.value() == null ? Long.MIN_VALUE : newest.value());
        newest.update(latest);
        int registered = registeredBays(update, context.getCurrentKey());
        out.collect(new Occupancy(
                update.tenant(),
                scope,
                scope.idOf(update),
                count,
                Math.max(registered, count),
                Instant.ofEpochMilli(latest)));
    }

    /** The bays registered in the key's car park or zone, as of the latest registry (a bay unknown so far reloads it). */
    private int registeredBays(BayUpdate update, String key) {
        devices.find(update.tenant(), update.device());
        List<DeviceInfo> current = devices.devices();
        if (current != countedFrom) {
            bayCounts = scope.bayCounts(current);
            countedFrom = current;
        }
        return bayCounts.getOrDefault(key, 0);
    }
}
