package city.mycity.edge.telemetry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** When the gateway last heard from each sensor: a message it could read, whatever became of it. Thread-safe. */
public final class Sightings {

    private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();

    /** {@code device} was heard from at {@code epochMillis}. */
    public void seen(String device, long epochMillis) {
        lastSeen.merge(device, epochMillis, Math::max);
    }

    /** Each sensor heard from since the agent started, with when it last was (epoch milliseconds). */
    public Map<String, Long> lastSeen() {
        return Map.copyOf(lastSeen);
    }
}
