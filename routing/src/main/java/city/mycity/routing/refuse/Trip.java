package city.mycity.routing.refuse;

import city.mycity.citymodel.GeoPoint;
import java.util.List;

/**
 * One trip of a truck: from the depot, the bins in order, back to the depot to unload.
 *
 * @param leaves when it leaves the depot, seconds after the shift starts
 * @param arrivals when the crew starts emptying each bin, seconds after the shift starts (after waiting for a bin's
 *     window to open, if the truck is early)
 * @param metres driven
 * @param seconds from leaving the depot to being back, emptying included
 * @param load what it collects: at most a truck's capacity
 * @param geometry the roads driven, depot to depot
 * @param legs the driving times from the depot to the first bin, between the bins, and from the last back
 * @param emptying how long emptying one bin takes
 */
public record Trip(
        List<BinStop> stops,
        double leaves,
        double[] arrivals,
        double metres,
        double seconds,
        int load,
        List<GeoPoint> geometry,
        double[] legs,
        double emptying) {

    public Trip {
        stops = List.copyOf(stops);
        arrivals = arrivals.clone();
        geometry = List.copyOf(geometry);
        legs = legs.clone();
    }

    /** When it is back at the depot, seconds after the shift starts. */
    public double back() {
        return leaves + seconds;
    }

    /** The earliest it is worth leaving: leaving sooner only means waiting at a bin for its window to open. */
    double earliestUseful() {
        double earliest = 0;
        double driven = 0;
        for (int i = 0; i < stops.size(); i++) {
            driven += (i == 0 ? 0 : emptying) + legs[i];
            earliest = Math.max(earliest, stops.get(i).readySeconds() - driven);
        }
        return earliest;
    }

    /** The latest it can leave and still keep every window and the shift; negative when it never can. */
    double latestDeparture(double shift) {
        if (leavingAt(0, shift).isEmpty()) {
            return -1;
        }
        double low = 0;
        double high = shift;
        for (int i = 0; i < 40 && high - low > 0.5; i++) {
            double middle = (low + high) / 2;
            if (leavingAt(middle, shift).isPresent()) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * The same trip leaving the depot at {@code at}: every bin emptied in its window (waiting for one that has not
     * opened yet) and back within the shift; empty when it cannot.
     */
    java.util.Optional<Trip> leavingAt(double at, double shift) {
        double[] starts = new double[stops.size()];
        double time = at;
        for (int i = 0; i < stops.size(); i++) {
            BinStop bin = stops.get(i);
            time = Math.max(time + (i == 0 ? 0 : emptying) + legs[i], bin.readySeconds());
            if (time > bin.dueSeconds() + 1e-9) {
                return java.util.Optional.empty();
            }
            starts[i] = time;
        }
        double back = time + (stops.isEmpty() ? 0 : emptying) + legs[stops.size()];
        if (back > shift + 1e-9) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Trip(stops, at, starts, metres, back - at, load, geometry, legs, emptying));
    }
}
