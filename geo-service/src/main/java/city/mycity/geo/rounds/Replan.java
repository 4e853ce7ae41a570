package city.mycity.geo.rounds;

import java.util.List;

/**
 * The rest of a round ordered again.
 *
 * @param bins the stops still to do, in their new order
 * @param route the roads from where the crew is through those stops to the depot, as a GeoJSON LineString (text), or
 *     {@code null} when there are none to draw
 */
public record Replan(List<String> bins, String route) {

    public Replan {
        bins = List.copyOf(bins);
    }
}
