package city.mycity.geo.sensorthings.store;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as the API writes them: ISO 8601 in UTC with milliseconds, always in the same form. */
public final class Times {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    private Times() {}

    public static String format(OffsetDateTime time) {
        return time == null ? null : FORMAT.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** An interval as {@code start/end}, or the start alone when it has no end. */
    public static String interval(OffsetDateTime start, OffsetDateTime end) {
        if (start == null) {
            return null;
        }
        return end == null || end.isEqual(start) ? format(start) : format(start) + "/" + format(end);
    }
}
