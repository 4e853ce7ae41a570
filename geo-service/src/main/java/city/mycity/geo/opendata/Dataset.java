package city.mycity.geo.opendata;

import java.time.Duration;
import java.util.List;

/**
 * A dataset the city publishes as open data: what it is, how often it changes, where it comes from, and the query of
 * its rows. Its rows are of one council ({@code ?} first in {@code rows}, then, when it has a time window, its start
 * and end); their {@code latitude} and {@code longitude} columns, when it has them, make it a GeoJSON layer too.
 *
 * @param periodicity how often it changes, as an ISO 8601 duration (DCAT's accrual periodicity)
 * @param modified SQL of the time it last changed, for the council ({@code ?}), or null when unknown
 * @param window the time window a download covers by default, or null when the whole dataset is one download
 * @param maxWindow the longest window one download may ask for
 */
public record Dataset(
        String id,
        String title,
        String description,
        List<String> keywords,
        String periodicity,
        String provenance,
        String modified,
        String rows,
        List<String> columns,
        boolean geographic,
        Duration window,
        Duration maxWindow) {

    /** Whether a download covers a window of time ({@code from}, {@code to}). */
    public boolean windowed() {
        return window != null;
    }
}
