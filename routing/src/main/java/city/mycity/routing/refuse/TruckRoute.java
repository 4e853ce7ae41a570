package city.mycity.routing.refuse;

import city.mycity.citymodel.GeoPoint;
import java.util.List;

/**
 * One truck's route: the bins in order with when it reaches each, how far it drives and how long it is out, and the
 * roads it drives (from the depot back to the depot).
 *
 * @param truck numbered from 1
 * @param stops the bins in order
 * @param arrivals when the truck reaches each, seconds after the shift starts (it waits for a bin's window)
 * @param metres driven
 * @param seconds from leaving the depot to being back, emptying included
 * @param load what it collects
 */
public record TruckRoute(
        int truck,
        List<BinStop> stops,
        double[] arrivals,
        double metres,
        double seconds,
        int load,
        List<GeoPoint> geometry) {

    public TruckRoute {
        stops = List.copyOf(stops);
        arrivals = arrivals.clone();
        geometry = List.copyOf(geometry);
    }
}
