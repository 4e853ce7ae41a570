package city.mycity.routing.refuse;

import city.mycity.citymodel.GeoPoint;
import java.util.List;
import java.util.Locale;

/**
 * A plan as GeoJSON (RFC 7946): a LineString along the roads per truck, its trips one after another (truck, trips,
 * bins, metres, when it is back, load), a Point per bin (its truck, place in the day's order and arrival) and one per
 * bin left out (with the reason).
 */
public final class RouteGeoJson {

    private RouteGeoJson() {}

    public static String of(RefusePlan plan) {
        StringBuilder out = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        boolean first = true;
        for (TruckRoute route : plan.routes()) {
            first = comma(out, first);
            out.append("{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[");
            List<GeoPoint> geometry = route.geometry();
            for (int i = 0; i < geometry.size(); i++) {
                out.append(i == 0 ? "" : ",").append(position(geometry.get(i)));
            }
            List<BinStop> stops = route.stops();
            double[] arrivals = route.arrivals();
            out.append(String.format(
                    Locale.ROOT,
                    "]},\"properties\":{\"truck\":%d,\"trips\":%d,\"bins\":%d,\"metres\":%d,\"back_s\":%d,"
                            + "\"load\":%d}}",
                    route.truck(),
                    route.trips().size(),
                    stops.size(),
                    Math.round(route.metres()),
                    Math.round(route.back()),
                    route.load()));
            for (int i = 0; i < stops.size(); i++) {
                BinStop bin = stops.get(i);
                out.append(',');
                point(
                        out,
                        bin,
                        String.format(
                                Locale.ROOT,
                                "\"truck\":%d,\"order\":%d,\"arrival_s\":%d",
                                route.truck(),
                                i + 1,
                                Math.round(arrivals[i])));
            }
        }
        for (RefusePlan.Unplanned unplanned : plan.unplanned()) {
            first = comma(out, first);
            point(out, unplanned.bin(), "\"unplanned\":" + text(unplanned.reason()));
        }
        return out.append("]}").toString();
    }

    private static boolean comma(StringBuilder out, boolean first) {
        if (!first) {
            out.append(',');
        }
        return false;
    }

    private static void point(StringBuilder out, BinStop bin, String properties) {
        out.append("{\"type\":\"Feature\",\"id\":")
                .append(text(bin.id()))
                .append(",\"geometry\":{\"type\":\"Point\",\"coordinates\":")
                .append(position(bin.location()))
                .append("},\"properties\":{\"bin\":")
                .append(text(bin.id()))
                .append(',')
                .append(properties)
                .append("}}");
    }

    private static String position(GeoPoint p) {
        return String.format(Locale.ROOT, "[%.7f,%.7f]", p.longitude(), p.latitude());
    }

    /** A JSON string. */
    static String text(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
