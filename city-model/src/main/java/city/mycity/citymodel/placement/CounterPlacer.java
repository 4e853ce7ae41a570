package city.mycity.citymodel.placement;

import city.mycity.citymodel.GeoPoint;
import city.mycity.reading.SensorKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Traffic counters: one at each traffic signal, counting the nearest main road, then along the main roads (nearest
 * the centre first) wherever no counter stands within {@value #MIN_GAP} m.
 */
final class CounterPlacer {

    private static final double MIN_GAP = 150;

    private final PlacementPlan plan;
    private final List<GeoPoint> placed = new ArrayList<>();
    private int count;

    private final LocalFrame frame;

    CounterPlacer(PlacementPlan plan, LocalFrame frame) {
        this.plan = plan;
        this.frame = frame;
    }

    int place(
            List<GeoPoint> signals,
            List<StreetPath> mainStreets,
            List<StreetPath> allStreets,
            Random random,
            Fleet fleet) {
        List<StreetPath> candidates = mainStreets.isEmpty() ? allStreets : mainStreets;
        for (GeoPoint signal : signals) {
            if (count >= plan.maxTrafficCounters()) {
                return count;
            }
            StreetPath nearest = candidates.stream()
                    .min(Comparator.comparingDouble((StreetPath s) -> s.distanceTo(signal)))
                    .orElseThrow();
            add(nearest, signal, fleet);
        }
        new AlongStreets(plan.counterSpacingMetres(), Integer.MAX_VALUE, 0)
                .place(mainStreets, frame, plan.maxTrafficCounters() - count, random, (street, at) -> {
                    if (placed.stream().anyMatch(p -> p.distanceTo(at) < MIN_GAP)) {
                        return false;
                    }
                    add(street, at, fleet);
                    return true;
                });
        return count;
    }

    private void add(StreetPath street, GeoPoint at, Fleet fleet) {
        count++;
        placed.add(at);
        fleet.add(
                String.format("tc-%04d", count),
                SensorKind.TRAFFIC_COUNTER,
                street.street().id(),
                at);
    }
}
