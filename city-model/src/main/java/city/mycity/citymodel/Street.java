package city.mycity.citymodel;

import java.util.List;

/**
 * A street (a road segment between its OSM way's ends, or a generated one). Streets that cross share the point where
 * they cross, so that they make a road network.
 *
 * @param name the street's name, or {@code null} when it has none
 * @param direction which way traffic may go along its points
 * @param maxspeedKmh the speed limit where it is known (OSM {@code maxspeed}), or {@code null}
 */
public record Street(
        String id, String name, RoadClass roadClass, List<GeoPoint> points, Direction direction, Double maxspeedKmh) {

    /** Which way traffic may go along a street's points. */
    public enum Direction {
        BOTH,
        /** From the first point to the last only (OSM {@code oneway=yes}). */
        FORWARD,
        /** From the last point to the first only (OSM {@code oneway=-1}). */
        BACKWARD;

        public boolean forward() {
            return this != BACKWARD;
        }

        public boolean backward() {
            return this != FORWARD;
        }
    }

    public Street {
        points = List.copyOf(points);
        if (points.size() < 2) {
            throw new IllegalArgumentException("Street " + id + " needs at least two points.");
        }
        if (direction == null) {
            throw new IllegalArgumentException("Street " + id + " needs a direction.");
        }
        if (maxspeedKmh != null && !(maxspeedKmh > 0)) {
            throw new IllegalArgumentException("Street " + id + " has a speed limit of " + maxspeedKmh + " km/h.");
        }
    }

    /** A street open both ways, without a known speed limit. */
    public Street(String id, String name, RoadClass roadClass, List<GeoPoint> points) {
        this(id, name, roadClass, points, Direction.BOTH, null);
    }

    public double lengthMetres() {
        double length = 0;
        for (int i = 1; i < points.size(); i++) {
            length += points.get(i - 1).distanceTo(points.get(i));
        }
        return length;
    }
}
