package city.mycity.reading;

import java.util.List;
import java.util.stream.IntStream;

/** Quantities that several sensor kinds share. */
final class Quantities {

    /** The charge left in a battery: SenML's {@code %EL}, remaining battery energy level in percent. */
    static final Quantity BATTERY = new Quantity("battery", "%EL", 0, 100, false);

    static final Quantity TEMPERATURE = new Quantity("temperature", "Cel", -40, 85, false);

    private Quantities() {}

    /** {@code lane-1-count} to {@code lane-N-count}: vehicles per lane, numbered from the kerb. */
    static List<Quantity> laneCounts(int lanes) {
        return IntStream.rangeClosed(1, lanes)
                .mapToObj(lane -> new Quantity("lane-" + lane + "-count", "count", 0, 10_000, true))
                .toList();
    }
}
