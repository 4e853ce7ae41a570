package city.mycity.stream.registry;

import city.mycity.reading.DeviceDirectory;
import city.mycity.reading.DeviceInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task's view of the registered devices, reloaded from its {@link DeviceRegistry} as the {@link RegistryRefresh}
 * says: periodically, and (rate-limited) before a device is declared unknown, so that a device registered after the
 * job started is found. A failed reload keeps the devices known so far (and is tried again at the next occasion);
 * only the first load, in {@link #open}, fails the task. Thread-safe.
 */
public final class LiveDirectory implements DeviceDirectory {

    private static final Logger LOGGER = LoggerFactory.getLogger(LiveDirectory.class);

    private final DeviceRegistry registry;
    private final long intervalNanos;
    private final long missIntervalNanos;
    private final LongSupplier nanoClock;
    private List<DeviceInfo> devices;
    private Map<String, DeviceInfo> byKey;
    private long loadedAt;

    LiveDirectory(DeviceRegistry registry, RegistryRefresh refresh, LongSupplier nanoClock) {
        this.registry = registry;
        this.intervalNanos = refresh.interval().toNanos();
        this.missIntervalNanos = refresh.missInterval().toNanos();
        this.nanoClock = nanoClock;
    }

    /** Loads the devices now; throws when that fails. */
    public static LiveDirectory open(DeviceRegistry registry, RegistryRefresh refresh) throws Exception {
        LiveDirectory directory = new LiveDirectory(registry, refresh, System::nanoTime);
        directory.load();
        return directory;
    }

    synchronized void load() throws Exception {
        loadedAt = nanoClock.getAsLong();
        List<DeviceInfo> loaded = List.copyOf(registry.load());
        byKey = loaded.stream()
                .collect(Collectors.toUnmodifiableMap(
                        d -> key(d.tenant(), d.device()), Function.identity(), (a, b) -> b));
        devices = loaded;
    }

    @Override
    public synchronized Optional<DeviceInfo> find(String tenant, String device) {
        refreshIfDue();
        DeviceInfo found = byKey.get(key(tenant, device));
        if (found == null && nanoClock.getAsLong() - loadedAt >= missIntervalNanos) {
            reload("device " + tenant + "/" + device + " is not known");
            found = byKey.get(key(tenant, device));
        }
        return Optional.ofNullable(found);
    }

    /** Every device, as of the last load: a new list object after every reload. */
    public synchronized List<DeviceInfo> devices() {
        refreshIfDue();
        return devices;
    }

    private void refreshIfDue() {
        if (nanoClock.getAsLong() - loadedAt >= intervalNanos) {
            reload("the refresh interval passed");
        }
    }

    private void reload(String why) {
        int before = devices.size();
        try {
            load();
            LOGGER.debug("Reloaded {} devices ({} before) because {}", devices.size(), before, why);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOGGER.warn("Could not reload the devices ({}); keeping the {} known so far", why, before, e);
        }
    }

    private static String key(String tenant, String device) {
        return tenant + "/" + device;
    }
}
