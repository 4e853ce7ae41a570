package city.mycity.geo.rounds;

import city.mycity.citymodel.GeoPoint;
import java.util.List;
import java.util.Locale;

/** Roads as GeoJSON LineStrings (RFC 7946: {@code [longitude, latitude]}), as the store keeps a round's route. */
final class LineStrings {

    private LineStrings() {}

    /** The LineString through these points, or {@code null} for fewer than two. */
    static String of(List<GeoPoint> points) {
        if (points.size() < 2) {
            return null;
        }
        StringBuilder out = new StringBuilder("{\"type\":\"LineString\",\"coordinates\":[");
        for (int i = 0; i < points.size(); i++) {
            GeoPoint p = points.get(i);
            out.append(i == 0 ? "" : ",")
                    .append(String.format(Locale.ROOT, "[%.7f,%.7f]", p.longitude(), p.latitude()));
        }
        return out.append("]}").toString();
    }
}
