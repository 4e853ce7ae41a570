package city.mycity.citymodel;

import java.util.List;

/**
 * Where a city model's data comes from, to show beside it (map footer, open-data metadata).
 *
 * @param source what it was built from, e.g. {@code OpenStreetMap extract monaco.osm.gz} or {@code generated town,
 *     seed 42}
 * @param licence the licence of the source data, or {@code null} for generated data
 * @param attribution the text that must be shown, or {@code null}
 * @param notes what the platform added, e.g. that bins were placed along residential streets
 */
public record Provenance(String source, String licence, String attribution, List<String> notes) {

    public Provenance {
        notes = List.copyOf(notes);
    }
}
