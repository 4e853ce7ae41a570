package city.mycity.stream.mqtt;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which messages (by {@link Arrival#ackId()}) may be acknowledged when. A message emitted after checkpoint n's snapshot belongs to checkpoint
 * n+1: it is acknowledged only once that checkpoint completes, so that the broker redelivers every message whose
 * effects a restart could lose. Used from the reader's thread only.
 */
final class AckTracker {

    private List<Long> sinceSnapshot = new ArrayList<>();
    private final TreeMap<Long, List<Long>> pending = new TreeMap<>();

    /** A QoS 1 or 2 message was emitted downstream. */
    void emitted(long ackId) {
        sinceSnapshot.add(ackId);
    }

    /** The reader's state for checkpoint {@code checkpointId} is being taken: what was emitted so far belongs to it. */
    void snapshot(long checkpointId) {
        if (!sinceSnapshot.isEmpty()) {
            pending.put(checkpointId, sinceSnapshot);
            sinceSnapshot = new ArrayList<>();
        }
    }

    /**
     * The ids to acknowledge now that {@code checkpointId} is complete: those of that checkpoint and of every earlier
     * one (a completed checkpoint subsumes the earlier ones, whose notification may never come).
     */
    List<Long> completed(long checkpointId) {
        List<Long> ids = new ArrayList<>();
        Iterator<Map.Entry<Long, List<Long>>> it =
                pending.headMap(checkpointId, true).entrySet().iterator();
        while (it.hasNext()) {
            ids.addAll(it.next().getValue());
            it.remove();
        }
        return ids;
    }

    /** Messages emitted but not yet acknowledged, for metrics and tests. */
    int unacknowledged() {
        return sinceSnapshot.size()
                + pending.values().stream().mapToInt(List::size).sum();
    }
}
