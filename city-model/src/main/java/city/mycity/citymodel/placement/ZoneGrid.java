package city.mycity.citymodel.placement;

import city.mycity.citymodel.BoundingBox;
import city.mycity.citymodel.Gateway;
import city.mycity.citymodel.GeoPoint;
import city.mycity.citymodel.Zone;
import java.util.ArrayList;
import java.util.List;

/** Zones as a grid of equal cells over the city's bounds, row {@code a} in the north, column 1 in the west. */
final class ZoneGrid {

    private static final String[][] COMPASS = {
        {"North-West", "North", "North-East"}, {"West", "Centre", "East"}, {"South-West", "South", "South-East"}
    };

    private final BoundingBox bounds;
    private final int rows;
    private final int columns;
    private final List<Zone> zones = new ArrayList<>();

    ZoneGrid(BoundingBox bounds, int rows, int columns) {
        this.bounds = bounds;
        this.rows = rows;
        this.columns = columns;
        double dLat = (bounds.maxLatitude() - bounds.minLatitude()) / rows;
        double dLon = (bounds.maxLongitude() - bounds.minLongitude()) / columns;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                double north = r == 0 ? bounds.maxLatitude() : bounds.maxLatitude() - r * dLat;
                double south = r == rows - 1 ? bounds.minLatitude() : bounds.maxLatitude() - (r + 1) * dLat;
                double west = c == 0 ? bounds.minLongitude() : bounds.minLongitude() + c * dLon;
                double east = c == columns - 1 ? bounds.maxLongitude() : bounds.minLongitude() + (c + 1) * dLon;
                zones.add(new Zone(id(r, c), name(r, c), new BoundingBox(south, west, north, east)));
            }
        }
    }

    List<Zone> zones() {
        return List.copyOf(zones);
    }

    /** One gateway per zone, at the zone's centre. */
    List<Gateway> gateways() {
        return zones.stream()
                .map(z -> new Gateway(gatewayId(z.id()), z.id(), z.area().center()))
                .toList();
    }

    /** The zone a point falls in; points on a shared edge go to the southern or eastern zone. */
    Zone zoneAt(GeoPoint p) {
        double latSpan = bounds.maxLatitude() - bounds.minLatitude();
        double lonSpan = bounds.maxLongitude() - bounds.minLongitude();
        int r = latSpan == 0 ? 0 : (int) Math.floor((bounds.maxLatitude() - p.latitude()) / latSpan * rows);
        int c = lonSpan == 0 ? 0 : (int) Math.floor((p.longitude() - bounds.minLongitude()) / lonSpan * columns);
        r = Math.max(0, Math.min(rows - 1, r));
        c = Math.max(0, Math.min(columns - 1, c));
        return zones.get(r * columns + c);
    }

    static String gatewayId(String zoneId) {
        return "gw-" + zoneId;
    }

    private static String id(int row, int column) {
        return "z-" + (char) ('a' + row) + (column + 1);
    }

    private String name(int row, int column) {
        if (rows == 3 && columns == 3) {
            return COMPASS[row][column];
        }
        if (rows == 1 && columns == 1) {
            return "Centre";
        }
        return "Zone " + (char) ('A' + row) + (column + 1);
    }
}
