package city.mycity.citymodel.osm;

import java.util.Map;

/**
 * A car park's capacity: its {@code capacity} tag when that is a positive number, else its area at 25 m² a space,
 * else a default between 20 and 100 drawn from its OSM id (so every import agrees).
 */
final class ParkingCapacity {

    static final double SQUARE_METRES_PER_SPACE = 25;

    private ParkingCapacity() {}

    static int of(long osmId, Map<String, String> tags, double areaSquareMetres) {
        String tag = tags.get("capacity");
        if (tag != null && tag.trim().matches("\\d{1,6}") && Integer.parseInt(tag.trim()) > 0) {
            return Integer.parseInt(tag.trim());
        }
        if (areaSquareMetres >= SQUARE_METRES_PER_SPACE) {
            return (int) Math.round(areaSquareMetres / SQUARE_METRES_PER_SPACE);
        }
        long mixed = osmId * 0x9E3779B97F4A7C15L;
        return 20 + (int) Math.floorMod(mixed ^ (mixed >>> 29), 81L);
    }
}
