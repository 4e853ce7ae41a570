package city.mycity.reading;

import java.util.List;
import java.util.stream.IntStream;

/** Quantities that several sensor kinds share. */
final class Quantities {

    /** The charge left in a battery: SenML's {@code %EL}, remaining battery energy level in percent. */
    static final Quantity BATTERY = new Quantity("battery", "%EL", 0, 100, false);

    static final Quantity TEMPERATURE = new Quantity("temperature", "Cel", -40, 85, false);

    /**
     * Seconds since the sensor's gateway last heard from it, as the gateway reports in its health telemetry (a
     * reading of the sensor, made by its gateway).
     */
    static final Quantity SEEN_AGO = new Quantity("seen-ago", "s", 0, 1e10, false);

    /** A gateway's own health, reported by its edge agent. */
    static final List<Quantity> GATEWAY_HEALTH = List.of(
            new Quantity("uptime", "s", 0, 1e10, false),
            new Quantity("outbox-depth", "count", 0, 1e12, true),
            new Quantity("outbox-oldest-age", "s", 0, 1e10, false),
            new Quantity("outbox-evicted", "count", 0, 1e15, true),
            new Quantity("cpu", "%", 0, 100, false),
            new Quantity("memory", "B", 0, 1e13, true));

    private Quantities() {}

    /** {@code lane-1-count} to {@code lane-N-count}: vehicles per lane, numbered from the kerb. */
    static List<Quantity> laneCounts(int lanes) {
        return IntStream.rangeClosed(1, lanes)
                .mapToObj(lane -> new Quantity("lane-" + lane + "-count", "count", 0, 10_000, true))
                .toList();
    }
}
