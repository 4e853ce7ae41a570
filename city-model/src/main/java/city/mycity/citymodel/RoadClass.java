package city.mycity.citymodel;

import java.util.Locale;
import java.util.Optional;

/** The kinds of road a city model keeps, after OpenStreetMap's {@code highway=*} values. */
public enum RoadClass {
    MOTORWAY,
    TRUNK,
    PRIMARY,
    SECONDARY,
    TERTIARY,
    UNCLASSIFIED,
    RESIDENTIAL,
    LIVING_STREET,
    SERVICE;

    /** The class for an OSM highway tag value ({@code primary_link} counts as {@code primary}), if kept. */
    public static Optional<RoadClass> fromOsm(String highway) {
        if (highway == null) {
            return Optional.empty();
        }
        String value = highway.toLowerCase(Locale.ROOT).replace("_link", "");
        for (RoadClass c : values()) {
            if (c.name().toLowerCase(Locale.ROOT).equals(value)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Main roads: where traffic counters and water mains go. */
    public boolean isMain() {
        return ordinal() <= TERTIARY.ordinal();
    }
}
