package city.mycity.routing.refuse;

import java.util.List;

/**
 * A planned round: a route per truck used, and the bins it leaves out with the reason (no road to it, more than a
 * truck carries, a window no truck can keep, not enough trucks).
 */
public record RefusePlan(List<TruckRoute> routes, List<Unplanned> unplanned, long steps, boolean stoppedEarly) {

    /** A bin left out of the plan, and why. */
    public record Unplanned(BinStop bin, String reason) {}

    public RefusePlan {
        routes = List.copyOf(routes);
        unplanned = List.copyOf(unplanned);
    }

    public double metres() {
        return routes.stream().mapToDouble(TruckRoute::metres).sum();
    }

    public int binsPlanned() {
        return routes.stream().mapToInt(r -> r.stops().size()).sum();
    }
}
