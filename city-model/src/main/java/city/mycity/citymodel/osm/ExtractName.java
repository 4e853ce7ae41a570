package city.mycity.citymodel.osm;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The tenant slug and display name of an extract, from its file name: {@code north-bayreuth.osm.gz}. */
final class ExtractName {

    private ExtractName() {}

    /** The file name without its OSM extension, e.g. {@code north-bayreuth}. */
    static String base(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : new String[] {".osm.pbf", ".osm.gz", ".osm"}) {
            if (lower.endsWith(ext)) {
                return name.substring(0, name.length() - ext.length());
            }
        }
        return name;
    }

    /** A tenant identifier: lower case, runs of other characters as one {@code -}, e.g. {@code north-bayreuth}. */
    static String slug(Path file) {
        String slug = base(file)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > 64) {
            slug = slug.substring(0, 64).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "city" : slug;
    }

    /** The display name: the slug's words capitalised, e.g. {@code North Bayreuth}. */
    static String displayName(Path file) {
        return Arrays.stream(slug(file).split("-"))
                .filter(w -> !w.isEmpty())
                .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1))
                .collect(Collectors.joining(" "));
    }
}
