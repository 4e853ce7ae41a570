package city.mycity.geo.http;

import city.mycity.geo.InvalidParameterException;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads and checks query parameters; a bad one throws {@link InvalidParameterException} (answered with 400). */
public final class Params {

    /** The earliest instant a parameter may name: no reading is older than 1970. */
    public static final Instant EARLIEST = Instant.EPOCH;

    /**
     * The latest instant a parameter may name: the end of 9999, which every store and date format holds (an ISO-8601
     * instant reaches the year 1,000,000,000, which neither {@code java.sql.Timestamp} nor PostgreSQL does).
     */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private Params() {}

    /** A required decimal parameter within {@code [min, max]}. */
    public static double decimal(RoutingContext ctx, String name, double min, double max) {
        String raw = ctx.queryParams().get(name);
        if (raw == null || raw.isBlank()) {
            throw new InvalidParameterException(name, "Parameter " + name + " is required.");
        }
        double value;
        try {
            value = Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, "Parameter " + name + " must be a number, not '" + raw + "'.");
        }
        if (!(value >= min && value <= max)) {
            throw new InvalidParameterException(
                    name, "Parameter " + name + " must be between " + min + " and " + max + ", not " + raw + ".");
        }
        return value;
    }

    /** An optional whole-number parameter within {@code [min, max]}, or {@code byDefault} when absent. */
    public static int integer(RoutingContext ctx, String name, int byDefault, int min, int max) {
        String raw = ctx.queryParams().get(name);
        if (raw == null || raw.isBlank()) {
            return byDefault;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(
                    name, "Parameter " + name + " must be a whole number, not '" + raw + "'.");
        }
        if (value < min || value > max) {
            throw new InvalidParameterException(
                    name, "Parameter " + name + " must be between " + min + " and " + max + ", not " + raw + ".");
        }
        return value;
    }

    /**
     * An optional ISO-8601 instant parameter such as {@code 2026-11-30T18:00:00Z}, from {@link #EARLIEST} to {@link
     * #LATEST}, or {@code byDefault} when absent or blank.
     */
    public static Instant instant(RoutingContext ctx, String name, Instant byDefault) {
        String raw = ctx.queryParams().get(name);
        if (raw == null || raw.isBlank()) {
            return byDefault;
        }
        Instant value;
        try {
            value = Instant.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(
                    name,
                    "Parameter " + name + " must be an ISO-8601 instant such as 2026-11-30T18:00:00Z, not '" + raw
                            + "'.");
        }
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            throw new InvalidParameterException(
                    name, "Parameter " + name + " must be between 1970 and 9999, not " + raw + ".");
        }
        return value;
    }

    /** An optional text parameter, or {@code null}. */
    public static String text(RoutingContext ctx, String name) {
        return ctx.queryParams().get(name);
    }
}
