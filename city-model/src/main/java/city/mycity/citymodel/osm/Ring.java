package city.mycity.citymodel.osm;

import city.mycity.citymodel.GeoPoint;
import city.mycity.citymodel.placement.LocalFrame;
import java.util.List;

/**
 * The area (square metres) and centroid of a closed way, by the shoelace formula in a local frame.
 *
 * @param area the area in square metres, never negative
 */
record Ring(double area, GeoPoint centroid) {

    static Ring of(List<GeoPoint> points) {
        LocalFrame frame = new LocalFrame(points.get(0));
        double twiceArea = 0;
        double cx = 0;
        double cy = 0;
        for (int i = 0; i < points.size() - 1; i++) {
            double x0 = frame.x(points.get(i));
            double y0 = frame.y(points.get(i));
            double x1 = frame.x(points.get(i + 1));
            double y1 = frame.y(points.get(i + 1));
            double cross = x0 * y1 - x1 * y0;
            twiceArea += cross;
            cx += (x0 + x1) * cross;
            cy += (y0 + y1) * cross;
        }
        if (Math.abs(twiceArea) < 1e-6) {
            return new Ring(0, averageOf(points));
        }
        return new Ring(Math.abs(twiceArea) / 2, frame.point(cx / (3 * twiceArea), cy / (3 * twiceArea)));
    }

    private static GeoPoint averageOf(List<GeoPoint> points) {
        double lat = points.stream().mapToDouble(GeoPoint::latitude).average().orElseThrow();
        double lon = points.stream().mapToDouble(GeoPoint::longitude).average().orElseThrow();
        return new GeoPoint(lat, lon);
    }
}
