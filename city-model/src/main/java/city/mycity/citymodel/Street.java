package city.mycity.citymodel;

import java.util.List;

/**
 * A street (a road segment between its OSM way's ends, or a generated one).
 *
 * @param name the street's name, or {@code null} when it has none
 */
public record Street(String id, String name, RoadClass roadClass, List<GeoPoint> points) {

    public Street {
        points = List.copyOf(points);
        if (points.size() < 2) {
            throw new IllegalArgumentException("Street " + id + " needs at least two points.");
        }
    }

    public double lengthMetres() {
        double length = 0;
        for (int i = 1; i < points.size(); i++) {
            length += points.get(i - 1).distanceTo(points.get(i));
        }
        return length;
    }
}
