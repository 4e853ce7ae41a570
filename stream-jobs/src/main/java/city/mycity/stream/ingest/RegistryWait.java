package city.mycity.stream.ingest;

import city.mycity.reading.Reading;
import city.mycity.reading.ReadingMetrics;
import city.mycity.reading.ReadingValidator;
import city.mycity.reading.Refusal;
import city.mycity.reading.Validation;
import city.mycity.stream.registry.DeviceRegistry;
import city.mycity.stream.registry.LiveDirectory;
import city.mycity.stream.registry.RegistryRefresh;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Holds the readings of devices the registry does not know yet (or knows behind another gateway), keyed by topic,
 * in Flink state: a device registered, or moved, moments ago is found when the registry is reloaded, and its readings
 * are stored instead of refused for good. Every {@link RegistryHold#recheck()} the held messages are validated again
 * (the validator's directory reloads the registry on a miss, at most every 5 s); what is accepted goes downstream,
 * what still awaits the registry after {@link RegistryHold#grace()} is refused with its reasons to {@link
 * ValidateFunction#REFUSALS}. A topic holds at most {@link RegistryHold#maxHeldPerTopic()} messages; past that,
 * messages are refused at once. Counts {@code mycity.readings.released} and {@code mycity.readings.expired}.
 */
public class RegistryWait extends KeyedProcessFunction<String, HeldUplink, Reading> {

    private static final long serialVersionUID = 1L;

    private final DeviceRegistry registry;
    private final RegistryRefresh refresh;
    private final RegistryHold hold;
    private transient ReadingValidator validator;
    private transient ListState<HeldUplink> held;
    private transient ValueState<Integer> heldCount;
    private transient ValueState<Long> nextCheck;
    private transient Counter released;
    private transient Counter expired;
    private transient RefusalCounters refused;

    public RegistryWait(DeviceRegistry registry, RegistryRefresh refresh, RegistryHold hold) {
        this.registry = registry;
        this.refresh = refresh;
        this.hold = hold;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        validator =
                ReadingValidator.builder(LiveDirectory.open(registry, refresh)).build();
        held = getRuntimeContext()
                .getListState(new ListStateDescriptor<>("held", TypeInformation.of(HeldUplink.class)));
        heldCount = getRuntimeContext().getState(new ValueStateDescriptor<>("held-count", Types.INT));
        nextCheck = getRuntimeContext().getState(new ValueStateDescriptor<>("next-check", Types.LONG));
        released = Metrics.globalRegistry.counter(ReadingMetrics.RELEASED);
        expired = Metrics.globalRegistry.counter(ReadingMetrics.EXPIRED);
        refused = new RefusalCounters(ValidateFunction.STAGE);
    }

    @Override
    public void processElement(HeldUplink message, Context context, Collector<Reading> out) throws Exception {
        int count = heldCount.value() == null ? 0 : heldCount.value();
        if (count >= hold.maxHeldPerTopic()) {
            // No room: one more look, and whatever still awaits the registry is refused now.
            recheck(message, true, context, out);
            return;
        }
        held.add(message);
        heldCount.update(count + 1);
        if (nextCheck.value() == null) {
            long at = context.timerService().currentProcessingTime()
                    + hold.recheck().toMillis();
            context.timerService().registerProcessingTimeTimer(at);
            nextCheck.update(at);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<Reading> out) throws Exception {
        long now = context.timerService().currentProcessingTime();
        List<HeldUplink> still = new ArrayList<>();
        for (HeldUplink message : held.get()) {
            boolean graceOver = now - message.heldSince() >= hold.grace().toMillis();
            HeldUplink remaining = recheck(message, graceOver, context, out);
            if (remaining != null) {
                still.add(remaining);
            }
        }
        held.update(still);
        if (still.isEmpty()) {
            heldCount.clear();
            nextCheck.clear();
        } else {
            heldCount.update(still.size());
            long at = now + hold.recheck().toMillis();
            context.timerService().registerProcessingTimeTimer(at);
            nextCheck.update(at);
        }
    }

    /**
     * Validates the held records again: what is accepted goes out, what is refused for another reason (or awaits the
     * registry when {@code refuseWaiting}) goes to the refusals; returns what is still held, or {@code null}.
     */
    private HeldUplink recheck(HeldUplink message, boolean refuseWaiting, Context context, Collector<Reading> out) {
        Validation validation = validator.validate(message.uplink(), message.wanted());
        for (Reading reading : validation.accepted()) {
            released.increment();
            out.collect(reading);
        }
        List<Integer> waiting = new ArrayList<>();
        byte[] digest = null;
        for (Refusal refusal : validation.refused()) {
            if (refusal.awaitsRegistry() && !refuseWaiting) {
                waiting.add(refusal.recordIndex());
            } else {
                if (refusal.awaitsRegistry()) {
                    expired.increment();
                }
                refused.count(refusal);
                digest = digest == null ? RefusalRow.digest(message.uplink()) : digest;
                context.output(ValidateFunction.REFUSALS, RefusalRow.of(message.uplink(), refusal, digest));
            }
        }
        if (waiting.isEmpty()) {
            return null;
        }
        return message.isWhole()
                ? message
                : message.withRecords(
                        waiting.stream().mapToInt(Integer::intValue).toArray());
    }
}
