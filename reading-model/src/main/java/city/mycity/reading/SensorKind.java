package city.mycity.reading;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The kinds of sensor MyCity understands, each with the quantities it reports every time, and those it may also
 * report (its battery, its temperature, the count of each lane, and, from its gateway, how long ago it was heard from).
 */
public enum SensorKind {
    /** An on-street or car-park bay sensor: is a vehicle standing on it. */
    PARKING_BAY(
            "parking-bay",
            "Parking bay sensor: whether a vehicle stands on the bay",
            List.of(new Quantity("occupied", "/", 0, 1, true)),
            List.of(Quantities.BATTERY, Quantities.TEMPERATURE, Quantities.SEEN_AGO)),
    /** A counter on a road segment: vehicles in the last interval and their mean speed. */
    TRAFFIC_COUNTER(
            "traffic-counter",
            "Traffic counter: vehicles passing on a road segment and their mean speed",
            List.of(new Quantity("count", "count", 0, 10_000, true), new Quantity("speed", "km/h", 0, 250, false)),
            Stream.concat(Quantities.laneCounts(8).stream(), Stream.of(Quantities.SEEN_AGO))
                    .toList()),
    /** A fill-level sensor in a street bin. */
    BIN(
            "bin",
            "Bin fill-level sensor: how full a street bin is",
            List.of(new Quantity("fill", "%", 0, 100, false), Quantities.TEMPERATURE),
            List.of(Quantities.BATTERY, Quantities.SEEN_AGO)),
    /** A flow and pressure sensor on a water main, which also listens for the hiss of a leak. */
    WATER(
            "water",
            "Water main sensor: flow, pressure and the noise of a leak",
            List.of(new Quantity("flow", "l/min", 0, 100_000, false), new Quantity("pressure", "bar", 0, 25, false)),
            List.of(new Quantity("noise", "dB", 0, 160, false), Quantities.BATTERY, Quantities.SEEN_AGO)),
    /**
     * An edge gateway itself, as a device of its own: the health its agent reports (uptime, outbox depth and oldest
     * age, evictions, CPU and memory). Not a field sensor: a city's sensors are of the other kinds.
     */
    GATEWAY("gateway", "Edge gateway: the health its agent reports", Quantities.GATEWAY_HEALTH, List.of());

    private final String code;
    private final String description;
    private final List<Quantity> quantities;
    private final List<Quantity> optionalQuantities;

    SensorKind(String code, String description, List<Quantity> quantities, List<Quantity> optionalQuantities) {
        this.code = code;
        this.description = description;
        this.quantities = quantities;
        this.optionalQuantities = optionalQuantities;
    }

    /** The kind's name in topics, tables and APIs, e.g. {@code parking-bay}. */
    public String code() {
        return code;
    }

    /** What a sensor of this kind is, in a sentence for people (open data, SensorThings). */
    public String description() {
        return description;
    }

    /** What a sensor of this kind reports every time (the simulator's devices report these, in this order). */
    public List<Quantity> quantities() {
        return quantities;
    }

    /** What a sensor of this kind may also report, in the same messages, e.g. its battery. */
    public List<Quantity> optionalQuantities() {
        return optionalQuantities;
    }

    /** The quantity of this name, among both lists. */
    public Optional<Quantity> quantity(String name) {
        return Stream.concat(quantities.stream(), optionalQuantities.stream())
                .filter(q -> q.name().equals(name))
                .findFirst();
    }

    /** Whether this is a kind of field sensor, that a city places in its streets (every kind but the gateway). */
    public boolean isFieldSensor() {
        return this != GATEWAY;
    }

    public static Optional<SensorKind> fromCode(String code) {
        for (SensorKind kind : values()) {
            if (kind.code.equals(code)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
