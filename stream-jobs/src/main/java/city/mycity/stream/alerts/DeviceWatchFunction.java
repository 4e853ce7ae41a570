package city.mycity.stream.alerts;

import city.mycity.analytics.alert.AlertSignal;
import city.mycity.analytics.alert.Severity;
import city.mycity.reading.DeviceInfo;
import city.mycity.stream.registry.DeviceRegistry;
import city.mycity.stream.registry.LiveDirectory;
import city.mycity.stream.registry.RegistryRefresh;
import city.mycity.stream.time.InEventTimeOrder;
import city.mycity.stream.time.JavaBytes;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;

/**
 * Keyed by device: an analytic's watch of one device (a detector from {@code analytics}, kept in keyed state as its
 * Java serialization), fed the device's readings in device-time order, and the signals it raises placed where the
 * registry says the device stands.
 *
 * @param <W> the watch
 */
public abstract class DeviceWatchFunction<W extends Serializable> extends InEventTimeOrder<AlertSignal> {

    private static final long serialVersionUID = 1L;

    private final Class<W> type;
    private final DeviceRegistry registry;
    private final RegistryRefresh refresh;
    private transient ValueState<byte[]> watch;
    private transient LiveDirectory devices;

    protected DeviceWatchFunction(Class<W> type, DeviceRegistry registry, RegistryRefresh refresh) {
        this.type = type;
        this.registry = registry;
        this.refresh = refresh;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        super.open(openContext);
        watch = getRuntimeContext()
                .getState(new ValueStateDescriptor<>("watch", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        devices = LiveDirectory.open(registry, refresh);
    }

    /** A watch for a device seen for the first time. */
    protected abstract W newWatch();

    /** The current device's watch. */
    protected final W watch() throws Exception {
        W current = JavaBytes.read(watch.value(), type);
        return current == null ? newWatch() : current;
    }

    /** Keeps the current device's watch as it now is. */
    protected final void keep(W current) throws Exception {
        watch.update(JavaBytes.of(current));
    }

    /** A signal about a device, at its place. */
    protected final AlertSignal signal(
            String tenant, String device, String problem, Severity severity, boolean raised, Instant at, String detail)
            throws Exception {
        Optional<DeviceInfo> info = devices.find(tenant, device);
        return new AlertSignal(
                tenant,
                device,
                problem,
                severity,
                raised,
                at,
                detail,
                info.map(DeviceInfo::latitude).orElse(Double.NaN),
                info.map(DeviceInfo::longitude).orElse(Double.NaN));
    }
}
