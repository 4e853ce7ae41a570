package city.mycity.analytics.parking;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * One car park's observations in time order: what a forecast may look back on. Not thread-safe.
 */
public final class OccupancyHistory {

    private static final Comparator<Observation> BY_TIME = Comparator.comparing(Observation::time);

    private final List<Observation> observations = new ArrayList<>();

    /** Adds an observation in its place by time (usually the end); one at a time already held is kept as well. */
    public void add(Observation observation) {
        int at = observations.size();
        while (at > 0 && observations.get(at - 1).time().isAfter(observation.time())) {
            at--;
        }
        observations.add(at, observation);
    }

    /** Forgets what is older than {@code keepFrom}. */
    public void forgetBefore(LocalDateTime keepFrom) {
        observations.subList(0, indexOf(keepFrom)).clear();
    }

    /** The observations at or after {@code from} and before {@code until}, in time order (a view). */
    public List<Observation> between(LocalDateTime from, LocalDateTime until) {
        int start = indexOf(from);
        int end = Math.max(start, indexOf(until));
        return Collections.unmodifiableList(observations.subList(start, end));
    }

    /** Every observation held, in time order (a view). */
    public List<Observation> all() {
        return Collections.unmodifiableList(observations);
    }

    public int size() {
        return observations.size();
    }

    /** The index of the first observation at or after {@code time}. */
    private int indexOf(LocalDateTime time) {
        int index = Collections.binarySearch(observations, new Observation(time, 0), BY_TIME);
        if (index < 0) {
            return -index - 1;
        }
        while (index > 0 && observations.get(index - 1).time().equals(time)) {
            index--;
        }
        return index;
    }
}
