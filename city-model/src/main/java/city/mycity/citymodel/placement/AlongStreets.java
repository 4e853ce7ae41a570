package city.mycity.citymodel.placement;

import city.mycity.citymodel.GeoPoint;
import java.util.List;
import java.util.Random;

/**
 * Places devices at a regular spacing along streets taken nearest the centre first, until a cap: the one rule behind
 * on-street bays, bins and water sensors.
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
    int place(List<StreetPath> streets, int cap, Random random, Spot spot) {
        int placed = 0;
        for (StreetPath street : streets) {
            double offset = random.nextBoolean() ? side : -side;
            int onStreet = 0;
            for (double d = Math.min(spacing / 2, street.length() / 2);
                    d <= street.length() && onStreet < perStreet && placed < cap;
                    d += spacing) {
                if (spot.place(street, street.at(d, offset))) {
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
