package city.mycity.stream.parking;

import city.mycity.stream.registry.DeviceRegistry;
import java.time.Instant;
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
 * reading wins, an older or repeated one changes nothing. Emits the new occupancy whenever a bay's state changes
 * time, stamped with the newest bay time seen, so that the stored occupancy never moves backwards.
 */
public class OccupancyFunction extends KeyedProcessFunction<String, BayUpdate, Occupancy> {

    private static final long serialVersionUID = 1L;

    private final Scope scope;
    private final DeviceRegistry registry;
    private transient Map<String, Integer> bayCounts;
    private transient MapState<String, BayState> bays;
    private transient ValueState<Integer> occupied;
    private transient ValueState<Long> newest;

    public OccupancyFunction(Scope scope, DeviceRegistry registry) {
        this.scope = scope;
        this.registry = registry;
    }

    /** The last known state of one bay. */
    public record BayState(boolean occupied, long time) {}

    @Override
    public void open(OpenContext openContext) throws Exception {
        bayCounts = scope.bayCounts(registry.load());
        bays = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>("bays", Types.STRING, Types.POJO(BayState.class)));
        occupied = getRuntimeContext().getState(new ValueStateDescriptor<>("occupied", Types.INT));
        newest = getRuntimeContext().getState(new ValueStateDescriptor<>("newest", Types.LONG));
    }

    @Override
    public void processElement(BayUpdate update, Context context, Collector<Occupancy> out) throws Exception {
        long time = update.time().toEpochMilli();
        BayState before = bays.get(update.device());
        if (before != null && before.time() >= time) {
            return;
        }
        bays.put(update.device(), new BayState(update.occupied(), time));
        int count = occupied.value() == null ? 0 : occupied.value();
        boolean wasOccupied = before != null && before.occupied();
        count += (update.occupied() ? 1 : 0) - (wasOccupied ? 1 : 0);
        occupied.update(count);
        long latest = Math.max(time, newest.value() == null ? Long.MIN_VALUE : newest.value());
        newest.update(latest);
        int registered = bayCounts.getOrDefault(context.getCurrentKey(), 0);
        out.collect(new Occupancy(
                update.tenant(),
                scope,
                scope.idOf(update),
                count,
                Math.max(registered, count),
                Instant.ofEpochMilli(latest)));
    }
}
