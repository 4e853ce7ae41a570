package city.mycity.geo.rounds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A crew's round of a day.
 *
 * @param truck the truck it drives, from 1
 * @param route the roads still to drive as a GeoJSON LineString (text), or {@code null} for a round without stops
 * @param updated when it last changed (planned, a stop reported)
 * @param stops in order of {@link CrewStop#position()}
 */
public record CrewRound(
        LocalDate day, String crew, int truck, Instant plannedAt, Instant updated, String route, List<CrewStop> stops) {

    public CrewRound {
        stops = List.copyOf(stops);
    }

    /** The stop of this bin, or {@code null}. */
    public CrewStop stop(String bin) {
        return stops.stream().filter(s -> s.bin().equals(bin)).findFirst().orElse(null);
    }
}
