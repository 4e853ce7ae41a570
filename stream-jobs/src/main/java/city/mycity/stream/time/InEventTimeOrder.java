package city.mycity.stream.time;

import city.mycity.reading.Reading;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Hands one key's readings to {@link #process} in device-time order: each reading waits in keyed state until the
 * watermark passes its time (an event-time timer), then the readings of that instant go in the order they came. A
 * reading that arrives after the watermark has passed its time is late: it goes at once, and the analytic decides what
 * an old reading is worth (the detectors ignore what is older than what they have seen).
 *
 * @param <O> what the analytic emits
 */
public abstract class InEventTimeOrder<O> extends KeyedProcessFunction<String, Reading, O> {

    private static final long serialVersionUID = 1L;

    private transient MapState<Long, List<Reading>> waiting;
    private transient Context current;

    @Override
    public void open(OpenContext openContext) throws Exception {
        waiting = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>("waiting", Types.LONG, Types.LIST(Types.POJO(Reading.class))));
    }

    @Override
    public final void processElement(Reading reading, Context context, Collector<O> out) throws Exception {
        current = context;
        long time = reading.time().toEpochMilli();
        if (time <= context.timerService().currentWatermark()) {
            late(reading);
            process(reading, context.timerService(), out);
            return;
        }
        List<Reading> atTime = waiting.get(time);
        List<Reading> readings = atTime == null ? new ArrayList<>() : new ArrayList<>(atTime);
        readings.add(reading);
        waiting.put(time, readings);
        context.timerService().registerEventTimeTimer(time);
    }

    @Override
    public final void onTimer(long timestamp, OnTimerContext context, Collector<O> out) throws Exception {
        current = context;
        List<Reading> due = waiting.get(timestamp);
        if (due != null) {
            waiting.remove(timestamp);
            for (Reading reading : due) {
                process(reading, context.timerService(), out);
            }
        }
        onEventTime(timestamp, out);
    }

    /**
     * One reading, in device-time order (late ones excepted). {@code timers} lets the analytic ask to be called at a
     * device time of its own ({@link #onEventTime}); it shares them with the waiting readings, so it deletes one only
     * through {@link #deleteTimer}.
     */
    protected abstract void process(Reading reading, TimerService timers, Collector<O> out) throws Exception;

    /**
     * Device time reached {@code timestamp}, for which a timer was registered (by this class for waiting readings,
     * which were processed just before, or by the analytic). By default, nothing.
     */
    protected void onEventTime(long timestamp, Collector<O> out) throws Exception {}

    /**
     * Deletes a timer the analytic registered, unless readings of the key wait for that same time: theirs is the same
     * timer, and without it they would wait for ever.
     */
    protected final void deleteTimer(long timestamp) throws Exception {
        if (!waiting.contains(timestamp)) {
            current.timerService().deleteEventTimeTimer(timestamp);
        }
    }

    /** The key of the readings being handed over, from {@link #process} or {@link #onEventTime}. */
    protected final String currentKey() {
        return current.getCurrentKey();
    }

    /** Emits to a side output, from {@link #process} or {@link #onEventTime}. */
    protected final <X> void output(OutputTag<X> tag, X value) {
        current.output(tag, value);
    }

    /** Called for a reading that came after the watermark had passed its time. By default, nothing. */
    protected void late(Reading reading) {}
}
