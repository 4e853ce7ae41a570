package city.mycity.routing.refuse;

import city.mycity.citymodel.GeoPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * One truck's day: its trips one after another (each from the depot and back to unload), within the shift.
 *
 * @param truck numbered from 1
 */
public record TruckRoute(int truck, List<Trip> trips) {

    public TruckRoute {
        trips = List.copyOf(trips);
    }

    /** Every bin of the day, in order. */
    public List<BinStop> stops() {
        return trips.stream().flatMap(t -> t.stops().stream()).toList();
    }

    /** When the truck reaches each bin of {@link #stops()}, seconds after the shift starts. */
    public double[] arrivals() {
        return trips.stream()
                .flatMapToDouble(t -> java.util.Arrays.stream(t.arrivals()))
                .toArray();
    }

    public double metres() {
        return trips.stream().mapToDouble(Trip::metres).sum();
    }

    /** When the truck is back from its last trip, seconds after the shift starts. */
    public double back() {
        return trips.isEmpty() ? 0 : trips.get(trips.size() - 1).back();
    }

    /** What it collects in the day, over all trips. */
    public int load() {
        return trips.stream().mapToInt(Trip::load).sum();
    }

    /** The roads driven in the day, depot to depot, trip after trip. */
    public List<GeoPoint> geometry() {
        List<GeoPoint> all = new ArrayList<>();
        for (Trip trip : trips) {
            all.addAll(
                    all.isEmpty()
                            ? trip.geometry()
                            : trip.geometry().subList(1, trip.geometry().size()));
        }
        return all;
    }
}
