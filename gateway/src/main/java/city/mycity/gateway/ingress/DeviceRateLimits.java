package city.mycity.gateway.ingress;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per device (or per client address): {@code perSecond} messages a second on average, bursts of {@code burst}. The buckets of
 * the devices least recently heard from are forgotten beyond {@value #MAX_DEVICES} devices. Thread-safe.
 */
public final class DeviceRateLimits {

    static final int MAX_DEVICES = 100_000;

    private final double perSecond;
    private final double burst;
    private final Map<String, double[]> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
            return size() > MAX_DEVICES;
        }
    };

    public DeviceRateLimits(double perSecond, double burst) {
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** Takes a token for the device at {@code nanos}; false when it has none left. */
    public synchronized boolean take(String device, long nanos) {
        double[] bucket = buckets.computeIfAbsent(device, d -> new double[] {burst, nanos});
        bucket[0] = Math.min(burst, bucket[0] + (nanos - bucket[1]) / 1e9 * perSecond);
        bucket[1] = nanos;
        if (bucket[0] < 1) {
            return false;
        }
        bucket[0] -= 1;
        return true;
    }
}
