package city.mycity.stream.registry;

import city.mycity.reading.DeviceInfo;
import java.io.Serializable;
import java.util.List;

/**
 * Where a task loads the registered devices from when it opens. Shipped with the job, so it must be serializable: it
 * holds how to load the devices, not the devices' live objects.
 */
@FunctionalInterface
public interface DeviceRegistry extends Serializable {

    List<DeviceInfo> load() throws Exception;
}
