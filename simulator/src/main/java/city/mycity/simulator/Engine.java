package city.mycity.simulator;

import city.mycity.simulator.device.DayClock;
import city.mycity.simulator.fault.Message;
import city.mycity.simulator.incident.DeviceIncident;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Simulated time: wakes the devices in order of their wake-up times (ties by their place in the city), so that the
 * sequence of messages depends only on the city, the seed, the start and the fault profile. Not thread-safe.
 */
final class Engine {

    private final PriorityQueue<Fleet.Member> queue;
    private final DayClock clock;
    private volatile long now;

    Engine(List<Fleet.Member> members, DayClock clock, long startMillis) {
        this.clock = clock;
        this.now = startMillis;
        this.queue = new PriorityQueue<>(
                Math.max(1, members.size()),
                Comparator.comparingLong((Fleet.Member m) -> m.device().nextWake())
                        .thenComparingInt(Fleet.Member::index));
        for (Fleet.Member member : members) {
            member.device().start(startMillis);
            queue.add(member);
        }
    }

    /** Simulated time of the latest wake-up, epoch milliseconds. */
    long now() {
        return now;
    }

    /** When the next device wakes, or {@link Long#MAX_VALUE} when the city has no sensors. */
    long next() {
        Fleet.Member head = queue.peek();
        return head == null ? Long.MAX_VALUE : head.device().nextWake();
    }

    /** Wakes the next device; returns its message, or {@code null} when it had nothing to say. */
    Message step() {
        Fleet.Member member = queue.poll();
        if (member == null) {
            throw new IllegalStateException("The city has no sensors to simulate.");
        }
        now = member.device().nextWake();
        double[] values = member.device().wake(clock);
        queue.add(member);
        return values == null
                ? null
                : member.channel().emit(now, values, member.device().has(DeviceIncident.Kind.OUT_OF_RANGE, now));
    }
}
