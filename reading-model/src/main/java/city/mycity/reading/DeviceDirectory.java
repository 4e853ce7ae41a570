package city.mycity.reading;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Looks up registered devices. Implementations must be safe to call from many threads. */
@FunctionalInterface
public interface DeviceDirectory {

    Optional<DeviceInfo> find(String tenant, String device);

    /** A directory over a fixed set of devices. */
    static DeviceDirectory of(Collection<DeviceInfo> devices) {
        Map<String, DeviceInfo> byKey = devices.stream()
                .collect(Collectors.toUnmodifiableMap(d -> key(d.tenant(), d.device()), Function.identity()));
        return (tenant, device) -> Optional.ofNullable(byKey.get(key(tenant, device)));
    }

    private static String key(String tenant, String device) {
        return tenant + "/" + device;
    }
}
