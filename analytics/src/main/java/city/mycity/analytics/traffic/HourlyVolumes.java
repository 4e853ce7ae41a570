package city.mycity.analytics.traffic;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * A counted segment's vehicles per hour, by the hour's start on the city's clock. An hour given twice keeps its first
 * count; a missing hour is simply absent. Not thread-safe.
 */
public final class HourlyVolumes {

    private final NavigableMap<LocalDateTime, Double> byHour = new TreeMap<>();

    /** Records the count of the hour that starts at {@code hour} (truncated to the hour); false if it had one. */
    public boolean put(LocalDateTime hour, double vehicles) {
        return byHour.putIfAbsent(hour.truncatedTo(ChronoUnit.HOURS), vehicles) == null;
    }

    public OptionalDouble at(LocalDateTime hour) {
        Double vehicles = byHour.get(hour);
        return vehicles == null ? OptionalDouble.empty() : OptionalDouble.of(vehicles);
    }

    /** Every hour with its count, in time order (a view). */
    public Map<LocalDateTime, Double> all() {
        return java.util.Collections.unmodifiableMap(byHour);
    }

    public int size() {
        return byHour.size();
    }
}
