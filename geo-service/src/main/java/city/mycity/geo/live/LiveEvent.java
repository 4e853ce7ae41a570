package city.mycity.geo.live;

import city.mycity.geo.alerts.PublicAlert;
import java.time.Instant;

/** A change the live feed pushes to its clients. */
public sealed interface LiveEvent {

    /** The SSE event name: {@code carpark}, {@code bay} or {@code alert}. */
    String type();

    /** A car park's occupancy changed. */
    record CarParkChanged(String id, int free, int occupied, int capacity, Instant updated) implements LiveEvent {
        @Override
        public String type() {
            return "carpark";
        }
    }

    /** One of the public's alerts was opened, acknowledged, resolved or reopened. */
    record AlertChanged(PublicAlert alert) implements LiveEvent {
        @Override
        public String type() {
            return "alert";
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
