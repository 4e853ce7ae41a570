package city.mycity.citymodel;

import java.util.List;

/**
 * What a map of the city shows beneath its streets: buildings, water (lakes, rivers, canals), and green areas (parks,
 * woods, grass). From the city's OpenStreetMap extract, or drawn for the generated town.
 */
public record BaseMap(List<MapFeature> features) {

    public static final BaseMap EMPTY = new BaseMap(List.of());

    public BaseMap {
        features = List.copyOf(features);
    }

    /** The features of one layer. */
    public List<MapFeature> layer(MapFeature.Layer layer) {
        return features.stream().filter(f -> f.layer() == layer).toList();
    }

    /**
     * One feature: an area (a closed ring, first point repeated last) or a line (a waterway).
     *
     * @param kind what it is in OpenStreetMap's words: {@code park}, {@code forest}, {@code river}, {@code yes}...
     * @param name its name, or null
     */
    public record MapFeature(Layer layer, String kind, String name, boolean area, List<GeoPoint> points) {

        public MapFeature {
            points = List.copyOf(points);
        }

        /** The layers of a base map, drawn in this order. */
        public enum Layer {
            GREEN,
            WATER,
            BUILDINGS
        }
    }
}
