package city.mycity.stream.alerts;

import city.mycity.analytics.alert.AlertChange;
import city.mycity.analytics.alert.AlertLifecycle;
import city.mycity.analytics.alert.AlertSignal;
import city.mycity.analytics.alert.AlertState;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/** Keyed by {@link AlertSignal#key()}: one problem's alert lifecycle, its latest alert in keyed state. */
public class AlertFunction extends KeyedProcessFunction<String, AlertSignal, AlertChange> {

    private static final long serialVersionUID = 1L;

    private final AlertLifecycle lifecycle;
    private transient ValueState<AlertState> latest;

    public AlertFunction(AlertLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void open(OpenContext openContext) {
        latest = getRuntimeContext().getState(new ValueStateDescriptor<>("alert", Types.POJO(AlertState.class)));
    }

    @Override
    public void processElement(AlertSignal signal, Context context, Collector<AlertChange> out) throws Exception {
        var transition = lifecycle.on(latest.value(), signal);
        if (transition.isPresent()) {
            latest.update(transition.get().state());
            out.collect(transition.get().change());
        }
    }
}
