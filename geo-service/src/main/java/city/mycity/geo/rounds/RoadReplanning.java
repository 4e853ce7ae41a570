package city.mycity.geo.rounds;

import city.mycity.citymodel.GeoPoint;
import city.mycity.routing.refuse.RefusePlanner;
import city.mycity.routing.road.FastestPaths;
import city.mycity.routing.road.RoadGraph;
import city.mycity.routing.road.Snap;
import city.mycity.routing.road.TravelMatrix;
import city.mycity.routing.road.UnreachablePlaceException;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-plans the rest of a round on the city's roads when a crew could not empty a bin: the stops still to do are
 * ordered again from that bin to the depot ({@link StopOrder}: nearest neighbour and 2-opt over road travel times, not
 * the solver: milliseconds for a round's stops, while the phone waits). A stop with no road near is left at the end.
 * Thread-safe.
 */
public final class RoadReplanning {

    private final RoadGraph roads;
    private final GeoPoint depot;

    public RoadReplanning(RoadGraph roads, GeoPoint depot) {
        this.roads = roads;
        this.depot = depot;
    }

    /** The stops still to do, ordered from {@code here}, and the roads through them back to the depot. */
    public Replan from(GeoPoint here, List<CrewStop> left) {
        Snap start = snap(here, RefusePlanner.MAX_OFF_ROAD_METRES * 4);
        Snap end = snap(depot, RefusePlanner.MAX_OFF_ROAD_METRES * 4);
        if (start == null || end == null) {
            return new Replan(left.stream().map(CrewStop::bin).toList(), null);
        }
        List<CrewStop> onRoads = new ArrayList<>();
        List<CrewStop> offRoads = new ArrayList<>();
        List<Snap> places = new ArrayList<>();
        places.add(start);
        for (CrewStop stop : left) {
            Snap snap = snap(stop.location(), RefusePlanner.MAX_OFF_ROAD_METRES);
            if (snap == null) {
                offRoads.add(stop);
            } else {
                onRoads.add(stop);
                places.add(snap);
            }
        }
        places.add(end);
        int[] order = StopOrder.of(TravelMatrix.between(roads, places).seconds());
        List<String> bins = new ArrayList<>();
        List<Snap> path = new ArrayList<>();
        path.add(start);
        for (int k : order) {
            bins.add(onRoads.get(k - 1).bin());
            path.add(places.get(k));
        }
        path.add(end);
        offRoads.forEach(stop -> bins.add(stop.bin()));
        return new Replan(bins, LineStrings.of(roadsThrough(path)));
    }

    private List<GeoPoint> roadsThrough(List<Snap> path) {
        FastestPaths paths = roads.fastestPaths();
        List<GeoPoint> points = new ArrayList<>();
        for (int i = 1; i < path.size(); i++) {
            List<GeoPoint> leg = paths.way(path.get(i - 1), path.get(i)).points();
            if (!leg.isEmpty()) {
                points.addAll(points.isEmpty() ? leg : leg.subList(1, leg.size()));
            }
        }
        return points;
    }

    private Snap snap(GeoPoint place, double maxMetres) {
        try {
            return roads.snap(place, maxMetres);
        } catch (UnreachablePlaceException e) {
            return null;
        }
    }
}
