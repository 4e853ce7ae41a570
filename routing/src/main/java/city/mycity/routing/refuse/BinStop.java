package city.mycity.routing.refuse;

import city.mycity.citymodel.GeoPoint;

/**
 * A bin to empty on a round.
 *
 * @param load how much it holds, in the unit of the trucks' capacity (e.g. litres)
 * @param readySeconds when it may be emptied, seconds after the shift starts (0: any time)
 * @param dueSeconds when it must have been emptied, seconds after the shift starts ({@link Double#POSITIVE_INFINITY}:
 *     by the end of the shift)
 */
public record BinStop(String id, GeoPoint location, int load, double readySeconds, double dueSeconds) {

    /** A bin that may be emptied any time in the shift. */
    public BinStop(String id, GeoPoint location, int load) {
        this(id, location, load, 0, Double.POSITIVE_INFINITY);
    }
}
