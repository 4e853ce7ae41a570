package city.mycity.citymodel.placement;

import city.mycity.citymodel.GeoPoint;
import city.mycity.citymodel.Street;

/** A street in a {@link LocalFrame}: positions by distance along it, with a sideways offset. */
final class StreetPath {

    private final Street street;
    private final LocalFrame frame;
    private final double[] xs;
    private final double[] ys;
    private final double[] along;

    StreetPath(Street street, LocalFrame frame) {
        this.street = street;
        this.frame = frame;
        int n = street.points().size();
        xs = new double[n];
        ys = new double[n];
        along = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = frame.x(street.points().get(i));
            ys[i] = frame.y(street.points().get(i));
            along[i] = i == 0 ? 0 : along[i - 1] + Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
        }
    }

    Street street() {
        return street;
    }

    double length() {
        return along[along.length - 1];
    }

    /** The point {@code distance} metres along the street, {@code side} metres to its left (negative: right). */
    GeoPoint at(double distance, double side) {
        double d = Math.max(0, Math.min(length(), distance));
        int i = 1;
        while (i < along.length - 1 && along[i] < d) {
            i++;
        }
        double segment = along[i] - along[i - 1];
        double dx = xs[i] - xs[i - 1];
        double dy = ys[i] - ys[i - 1];
        double t = segment == 0 ? 0 : (d - along[i - 1]) / segment;
        double nx = segment == 0 ? 0 : -dy / segment;
        double ny = segment == 0 ? 0 : dx / segment;
        return frame.point(xs[i - 1] + t * dx + side * nx, ys[i - 1] + t * dy + side * ny);
    }

    /** Metres from the frame's origin (the city centre) to the street's middle. */
    double distanceFromCentre() {
        GeoPoint middle = at(length() / 2, 0);
        return Math.hypot(frame.x(middle), frame.y(middle));
    }

    /** The shortest distance in metres from a point to the street. */
    double distanceTo(GeoPoint p) {
        double px = frame.x(p);
        double py = frame.y(p);
        double best = Double.MAX_VALUE;
        for (int i = 1; i < xs.length; i++) {
            double dx = xs[i] - xs[i - 1];
            double dy = ys[i] - ys[i - 1];
            double len2 = dx * dx + dy * dy;
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - xs[i - 1]) * dx + (py - ys[i - 1]) * dy) / len2));
            best = Math.min(best, Math.hypot(px - (xs[i - 1] + t * dx), py - (ys[i - 1] + t * dy)));
        }
        return best;
    }
}
