package city.mycity.citymodel.placement;

import city.mycity.citymodel.GeoPoint;
import java.util.List;
import java.util.Random;

/**
 * Places devices at a regular spacing along streets taken nearest the centre first, until a cap: the one rule behind
 * on-street bays, bins, water sensors and counters. A position closer than 80 % of the spacing to one already placed
 * (on another street, or a short neighbouring segment of the same road) is skipped, so the spacing holds across the
 * many short ways of an OSM extract.
 */
final class AlongStreets {

    /** Receives each position; returns whether it used it. */
    interface Spot {
        boolean place(StreetPath street, GeoPoint at);
    }

    private final double spacing;
    private final int perStreet;
    private final double side;

    /**
     * @param spacing metres between two devices on a street (the first stands half a spacing from its start)
     * @param perStreet at most this many devices on one street
     * @param side metres from the centre line, to a side chosen by the seed for each street
     */
    AlongStreets(double spacing, int perStreet, double side) {
        this.spacing = spacing;
        this.perStreet = perStreet;
        this.side = side;
    }

    /** Returns how many devices were placed. */
    int place(List<StreetPath> streets, LocalFrame frame, int cap, Random random, Spot spot) {
        SpacingIndex index = new SpacingIndex(frame, spacing * 0.8);
        int placed = 0;
        for (StreetPath street : streets) {
            double offset = random.nextBoolean() ? side : -side;
            int onStreet = 0;
            for (double d = Math.min(spacing / 2, street.length() / 2);
                    d <= street.length() && onStreet < perStreet && placed < cap;
                    d += spacing) {
                GeoPoint at = street.at(d, offset);
                if (index.isFree(at) && spot.place(street, at)) {
                    index.add(at);
                    onStreet++;
                    placed++;
                }
            }
            if (placed >= cap) {
                break;
            }
        }
        return placed;
    }
}
