package city.mycity.stream.registry;

import city.mycity.reading.DeviceInfo;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;

/** A fixed set of devices, for tests and for cities known when the job is built. */
public final class FixedDeviceRegistry implements DeviceRegistry {

    private static final long serialVersionUID = 1L;

    private final List<Entry> entries;

    private FixedDeviceRegistry(List<Entry> entries) {
        this.entries = entries;
    }

    public static FixedDeviceRegistry of(Collection<DeviceInfo> devices) {
        return new FixedDeviceRegistry(devices.stream().map(Entry::of).toList());
    }

    @Override
    public List<DeviceInfo> load() {
        return entries.stream().map(Entry::toInfo).toList();
    }

    /** A serializable copy of a {@link DeviceInfo}. */
    private record Entry(
            String tenant,
            String device,
            String gateway,
            String kind,
            String zone,
            String site,
            double latitude,
            double longitude)
            implements Serializable {

        static Entry of(DeviceInfo d) {
            return new Entry(
                    d.tenant(), d.device(), d.gateway(), d.kind(), d.zone(), d.site(), d.latitude(), d.longitude());
        }

        DeviceInfo toInfo() {
            return new DeviceInfo(tenant, device, gateway, kind, zone, site, latitude, longitude);
        }
    }
}
