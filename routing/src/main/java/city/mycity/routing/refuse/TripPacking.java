package city.mycity.routing.refuse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Gives the trucks their trips: those worth starting earliest first (a trip with a bin whose window opens late comes
 * later), then those that must leave soonest, then the longest; each goes to the truck back at the depot first that
 * can still make it, leaving when that truck is back, every bin emptied in its window and the truck back before the
 * shift ends ({@link Trip#leavingAt}). A trip no truck can make leaves its bins for another round, with the reason.
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
        ordered.sort(Comparator.comparingDouble(Trip::earliestUseful)
                .thenComparingDouble(trip -> trip.latestDeparture(shift))
                .thenComparing(Comparator.comparingDouble(Trip::seconds).reversed()));
        for (Trip trip : ordered) {
            List<List<Trip>> byBack = new ArrayList<>(trucks);
            byBack.sort(Comparator.comparingDouble(TripPacking::back));
            boolean placed = false;
            for (List<Trip> truck : byBack) {
                Optional<Trip> timed = trip.leavingAt(back(truck), shift);
                if (timed.isPresent()) {
                    truck.add(timed.get());
                    placed = true;
                    break;
                }
            }
            if (!placed) {
                trip.stops()
                        .forEach(bin -> unplanned.add(
                                new RefusePlan.Unplanned(bin, "more bins than the trucks can empty in the shift")));
            }
        }
        List<TruckRoute> routes = new ArrayList<>();
        for (List<Trip> truck : trucks) {
            if (!truck.isEmpty()) {
                routes.add(new TruckRoute(routes.size() + 1, truck));
            }
        }
        return routes;
    }

    private static double back(List<Trip> truck) {
        return truck.isEmpty() ? 0 : truck.get(truck.size() - 1).back();
    }
}
