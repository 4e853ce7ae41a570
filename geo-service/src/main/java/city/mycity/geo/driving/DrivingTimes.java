package city.mycity.geo.driving;

import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.GeoPoint;
import city.mycity.routing.road.FastestPaths;
import city.mycity.routing.road.RoadGraph;
import city.mycity.routing.road.Snap;
import city.mycity.routing.road.Travel;
import city.mycity.routing.road.UnreachablePlaceException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Driving times over the city's roads ({@link RoadGraph}, built once) from where a motorist is to places: the
 * motorist's view of "nearest". Destinations are snapped once and remembered. Thread-safe.
 */
public final class DrivingTimes {

    /** How far from a road a motorist may ask from. */
    public static final double MAX_ORIGIN_OFF_ROAD_METRES = 1_000;
    /** How far from a road a car park or bay may be and still be driven to. */
    static final double MAX_DESTINATION_OFF_ROAD_METRES = 500;

    private final RoadGraph roads;
    private final ThreadLocal<FastestPaths> paths;
    private final Map<GeoPoint, Snap> destinations = new ConcurrentHashMap<>();

    public DrivingTimes(RoadGraph roads) {
        this.roads = roads;
        this.paths = ThreadLocal.withInitial(roads::fastestPaths);
    }

    /** The city's roads at typical urban speeds; none when the city has no streets. */
    public static java.util.Optional<DrivingTimes> of(CityModel city) {
        return city.streets().isEmpty()
                ? java.util.Optional.empty()
                : java.util.Optional.of(new DrivingTimes(RoadGraph.of(city)));
    }

    /**
     * Driving from {@code origin} to each place, in order; {@link Travel#UNREACHABLE} for one with no road near it.
     *
     * @throws UnreachablePlaceException when the origin is far from every road
     */
    public Travel[] from(GeoPoint origin, List<GeoPoint> places) {
        return within(origin, places, Double.POSITIVE_INFINITY);
    }

    /**
     * Driving from {@code origin} to each place at most {@code horizonSeconds} away, in order; {@link
     * Travel#UNREACHABLE} for the others.
     *
     * @throws UnreachablePlaceException when the origin is far from every road
     */
    public Travel[] within(GeoPoint origin, List<GeoPoint> places, double horizonSeconds) {
        Snap start = roads.snap(origin, MAX_ORIGIN_OFF_ROAD_METRES);
        Snap[] targets = new Snap[places.size()];
        int[] index = new int[places.size()];
        int known = 0;
        for (int i = 0; i < places.size(); i++) {
            Snap snap = destination(places.get(i));
            index[i] = snap == null ? -1 : known;
            if (snap != null) {
                targets[known++] = snap;
            }
        }
        Travel[] reached = paths.get().within(start, java.util.Arrays.copyOf(targets, known), horizonSeconds);
        Travel[] travels = new Travel[places.size()];
        for (int i = 0; i < places.size(); i++) {
            travels[i] = index[i] < 0 ? Travel.UNREACHABLE : reached[index[i]];
        }
        return travels;
    }

    private Snap destination(GeoPoint place) {
        Snap known = destinations.get(place);
        if (known != null) {
            return known;
        }
        try {
            Snap snap = roads.snap(place, MAX_DESTINATION_OFF_ROAD_METRES);
            destinations.put(place, snap);
            return snap;
        } catch (UnreachablePlaceException e) {
            return null;
        }
    }
}
