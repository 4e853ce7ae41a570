package city.mycity.routing.road;

import city.mycity.citymodel.RoadClass;
import city.mycity.citymodel.Street;
import java.util.EnumMap;
import java.util.Map;

/**
 * How fast a vehicle drives on a street: its speed limit where OSM tags one ({@code maxspeed}), else a typical urban
 * speed for its class, in both cases times a factor for junctions, bends and traffic (by default, 0.9 on the limit).
 */
public final class RoadSpeeds {

    private static final Map<RoadClass, Double> TYPICAL = new EnumMap<>(Map.of(
            RoadClass.MOTORWAY, 100.0,
            RoadClass.TRUNK, 80.0,
            RoadClass.PRIMARY, 50.0,
            RoadClass.SECONDARY, 45.0,
            RoadClass.TERTIARY, 40.0,
            RoadClass.UNCLASSIFIED, 30.0,
            RoadClass.RESIDENTIAL, 30.0,
            RoadClass.LIVING_STREET, 10.0,
            RoadClass.SERVICE, 15.0));

    /** Typical urban speeds by class (motorway 100 km/h ... residential 30, service 15), 0.9 of a tagged limit. */
    public static final RoadSpeeds URBAN = new RoadSpeeds(0.9);

    private final double limitShare;

    private RoadSpeeds(double limitShare) {
        this.limitShare = limitShare;
    }

    /** Metres per second on this street. */
    public double metresPerSecond(Street street) {
        double kmh = street.maxspeedKmh() != null
                ? street.maxspeedKmh() * limitShare
                : TYPICAL.getOrDefault(street.roadClass(), 30.0);
        return kmh / 3.6;
    }
}
