package city.mycity.reading;

import java.util.List;
import java.util.Optional;

/** The kinds of sensor MyCity understands, each with the quantities it reports. */
public enum SensorKind {
    /** An on-street or car-park bay sensor: is a vehicle standing on it. */
    PARKING_BAY("parking-bay", List.of(new Quantity("occupied", "/", 0, 1, true))),
    /** A counter on a road segment: vehicles in the last interval and their mean speed. */
    TRAFFIC_COUNTER(
            "traffic-counter",
            List.of(new Quantity("count", "count", 0, 10_000, true), new Quantity("speed", "km/h", 0, 250, false))),
    /** A fill-level sensor in a street bin. */
    BIN("bin", List.of(new Quantity("fill", "%", 0, 100, false), new Quantity("temperature", "Cel", -40, 85, false))),
    /** A flow and pressure sensor on a water main. */
    WATER(
            "water",
            List.of(new Quantity("flow", "l/min", 0, 100_000, false), new Quantity("pressure", "bar", 0, 25, false)));

    private final String code;
    private final List<Quantity> quantities;

    SensorKind(String code, List<Quantity> quantities) {
        this.code = code;
        this.quantities = quantities;
    }

    /** The kind's name in topics, tables and APIs, e.g. {@code parking-bay}. */
    public String code() {
        return code;
    }

    public List<Quantity> quantities() {
        return quantities;
    }

    public Optional<Quantity> quantity(String name) {
        return quantities.stream().filter(q -> q.name().equals(name)).findFirst();
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
