package city.mycity.routing.refuse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Gives the trucks their trips: a trip with a bin's own window leaves at the start of a truck's shift, as planned;
 * the others, longest first, go to the truck back at the depot first, if it still has the time before the shift
 * ends. A trip no truck has time for leaves its bins for another round, with the reason.
 */
final class TripPacking {

    private TripPacking() {}

    static List<TruckRoute> into(RefuseRound round, List<Trip> trips, List<RefusePlan.Unplanned> unplanned) {
        double shift = round.shift().toSeconds();
        List<List<Trip>> trucks = new ArrayList<>();
        for (int t = 0; t < round.trucks(); t++) {
            trucks.add(new ArrayList<>());
        }
        List<Trip> ordered = new ArrayList<>(trips);
        ordered.sort(Comparator.comparing((Trip trip) -> !trip.timed(shift))
                .thenComparing(Comparator.comparingDouble(Trip::seconds).reversed()));
        for (Trip trip : ordered) {
            List<Trip> truck = trip.timed(shift) ? firstIdle(trucks) : earliestBack(trucks);
            double leaves = truck == null || truck.isEmpty()
                    ? trip.leaves()
                    : truck.get(truck.size() - 1).back();
            if (truck == null || leaves + trip.seconds() > shift) {
                trip.stops()
                        .forEach(bin -> unplanned.add(
                                new RefusePlan.Unplanned(bin, "more bins than the trucks can empty in the shift")));
                continue;
            }
            truck.add(trip.leaving(leaves));
        }
        List<TruckRoute> routes = new ArrayList<>();
        for (List<Trip> truck : trucks) {
            if (!truck.isEmpty()) {
                routes.add(new TruckRoute(routes.size() + 1, truck));
            }
        }
        return routes;
    }

    private static List<Trip> firstIdle(List<List<Trip>> trucks) {
        return trucks.stream().filter(List::isEmpty).findFirst().orElse(null);
    }

    private static List<Trip> earliestBack(List<List<Trip>> trucks) {
        return trucks.stream()
                .min(Comparator.comparingDouble(
                        t -> t.isEmpty() ? 0 : t.get(t.size() - 1).back()))
                .orElse(null);
    }
}
