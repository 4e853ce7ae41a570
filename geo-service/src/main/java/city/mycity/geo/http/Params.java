package city.mycity.geo.http;

import city.mycity.geo.InvalidParameterException;
import io.vertx.ext.web.RoutingContext;

/** Reads and checks query parameters; a bad one throws {@link InvalidParameterException} (answered with 400). */
public final class Params {

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

    /** An optional text parameter, or {@code null}. */
    public static String text(RoutingContext ctx, String name) {
        return ctx.queryParams().get(name);
    }
}
