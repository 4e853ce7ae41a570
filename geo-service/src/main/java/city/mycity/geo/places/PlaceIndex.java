package city.mycity.geo.places;

import city.mycity.citymodel.CarPark;
import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.GeoPoint;
import city.mycity.citymodel.Street;
import city.mycity.citymodel.Zone;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the city's places by what someone typed: case, accents and punctuation do not matter; a name that starts with
 * the text comes first, then one with a word that starts with it, then one that merely contains it; shorter names
 * first within each. A street of many ways in the model is one place, at the middle of its longest way.
 */
public final class PlaceIndex {

    private record Entry(Place place, String key) {}

    private final List<Entry> entries;

    private PlaceIndex(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static PlaceIndex of(CityModel city) {
        Map<String, Street> longest = new LinkedHashMap<>();
        for (Street street : city.streets()) {
            if (street.name() != null
                    && !street.name().isBlank()
                    && street.points().size() > 1) {
                longest.merge(street.name(), street, (a, b) -> a.lengthMetres() >= b.lengthMetres() ? a : b);
            }
        }
        List<Entry> entries = new ArrayList<>();
        longest.values().forEach(s -> add(entries, new Place(s.name(), "street", middle(s))));
        for (CarPark carPark : city.carParks()) {
            add(entries, new Place(carPark.name(), "carpark", carPark.location()));
        }
        for (Zone zone : city.zones()) {
            add(entries, new Place(zone.name(), "zone", zone.area().center()));
        }
        return new PlaceIndex(entries);
    }

    private static void add(List<Entry> entries, Place place) {
        entries.add(new Entry(place, key(place.name())));
    }

    /** At most {@code limit} places matching the text, best first; none for text without letters or digits. */
    public List<Place> search(String text, int limit) {
        String wanted = key(text);
        if (wanted.isEmpty()) {
            return List.of();
        }
        return entries.stream()
                .filter(e -> e.key().contains(wanted))
                .sorted(Comparator.comparingInt((Entry e) -> rank(e.key(), wanted))
                        .thenComparingInt(e -> e.key().length())
                        .thenComparing(e -> e.place().name()))
                .limit(limit)
                .map(Entry::place)
                .toList();
    }

    private static int rank(String key, String wanted) {
        if (key.startsWith(wanted)) {
            return 0;
        }
        return key.contains(" " + wanted) ? 1 : 2;
    }

    /** Lower case, without accents, words separated by single spaces. */
    static String key(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        return plain.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** The point halfway along a street's way. */
    static GeoPoint middle(Street street) {
        List<GeoPoint> points = street.points();
        double half = street.lengthMetres() / 2;
        double walked = 0;
        for (int i = 1; i < points.size(); i++) {
            GeoPoint a = points.get(i - 1);
            GeoPoint b = points.get(i);
            double step = a.distanceTo(b);
            if (walked + step >= half && step > 0) {
                double f = (half - walked) / step;
                return new GeoPoint(
                        a.latitude() + f * (b.latitude() - a.latitude()),
                        a.longitude() + f * (b.longitude() - a.longitude()));
            }
            walked += step;
        }
        return points.get(points.size() / 2);
    }
}
