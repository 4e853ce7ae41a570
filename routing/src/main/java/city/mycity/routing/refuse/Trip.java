package city.mycity.routing.refuse;

import city.mycity.citymodel.GeoPoint;
import java.util.List;

/**
 * One trip of a truck: from the depot, the bins in order, back to the depot to unload.
 *
 * @param leaves when it leaves the depot, seconds after the shift starts
 * @param arrivals when the truck reaches each bin, seconds after the shift starts (it waits for a bin's window)
 * @param metres driven
 * @param seconds from leaving the depot to being back, emptying included
 * @param load what it collects: at most a truck's capacity
 * @param geometry the roads driven, depot to depot
 */
public record Trip(
        List<BinStop> stops,
        double leaves,
        double[] arrivals,
        double metres,
        double seconds,
        int load,
        List<GeoPoint> geometry) {

    public Trip {
        stops = List.copyOf(stops);
        arrivals = arrivals.clone();
        geometry = List.copyOf(geometry);
    }

    /** When it is back at the depot, seconds after the shift starts. */
    public double back() {
        return leaves + seconds;
    }

    /** The same trip leaving later: every time moves with it. */
    Trip leaving(double at) {
        double[] moved = arrivals.clone();
        for (int i = 0; i < moved.length; i++) {
            moved[i] += at - leaves;
        }
        return new Trip(stops, at, moved, metres, seconds, load, geometry);
    }

    /** Whether a bin of the trip has a window of its own, so that the trip cannot leave later than planned. */
    boolean timed(double shift) {
        return stops.stream().anyMatch(b -> b.readySeconds() > 0 || b.dueSeconds() < shift);
    }
}
