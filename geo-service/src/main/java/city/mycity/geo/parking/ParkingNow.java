package city.mycity.geo.parking;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * The car parks and the streets with free bays as they are now, read from the store at most once per {@code maxAge}
 * and shared by every request meanwhile (the stream jobs update occupancy about once a second, and the live feed
 * polls as often): under load the API asks the database once a second, not once a request.
 */
public final class ParkingNow {

    /** By default, what is free is at most a second old. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(1);

    private final ParkingQueries carParks;
    private final FreeStreets streets;
    private final long maxAgeNanos;
    private volatile State state;

    /** What is free at one moment. */
    public record State(long readAt, List<CarParkStatus> carParks, List<FreeStreets.FreeStreet> freeStreets) {}

    public ParkingNow(ParkingQueries carParks, FreeStreets streets, Duration maxAge) {
        this.carParks = carParks;
        this.streets = streets;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** The state if it is young enough, or null: then {@link #get()} reads it (blocking). Never blocks. */
    public State fresh() {
        State current = state;
        return fresh(current) ? current : null;
    }

    /** The state, read anew when the last is older than the maximum age. Blocking. */
    public State get() throws SQLException {
        State current = state;
        if (fresh(current)) {
            return current;
        }
        synchronized (this) {
            current = state;
            if (!fresh(current)) {
                current = new State(System.nanoTime(), carParks.carParks(), streets.now());
                state = current;
            }
            return current;
        }
    }

    private boolean fresh(State s) {
        return s != null && System.nanoTime() - s.readAt() < maxAgeNanos;
    }
}
