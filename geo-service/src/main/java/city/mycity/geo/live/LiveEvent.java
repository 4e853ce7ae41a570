package city.mycity.geo.live;

import java.time.Instant;

/** A change the live feed pushes to its clients. */
public sealed interface LiveEvent {

    /** The SSE event name: {@code carpark} or {@code bay}. */
    String type();

    /** A car park's occupancy changed. */
    record CarParkChanged(String id, int free, int occupied, int capacity, Instant updated) implements LiveEvent {
        @Override
        public String type() {
            return "carpark";
        }
    }

    /** An on-street bay became free or occupied. */
    record BayChanged(String id, boolean occupied, Instant updated) implements LiveEvent {
        @Override
        public String type() {
            return "bay";
        }
    }
}
