package city.mycity.gateway.http;

import city.mycity.gateway.exception.InvalidInputException;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** The query parameters the operators' API shares, read in one way. */
public final class QueryParams {

    private QueryParams() {}

    /** The page size asked for ({@code limit}), {@code byDefault} when absent; 1 to {@code max}, else refused. */
    public static int limit(RoutingContext ctx, int byDefault, int max) {
        String text = ctx.request().getParam("limit");
        if (text == null) {
            return byDefault;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException("limit", "The limit is a whole number, 1 to " + max + ".");
    }

    /** An instant ({@code name}, ISO-8601 such as {@code 2026-11-30T08:00:00Z}), or {@code null} when absent. */
    public static Instant instant(RoutingContext ctx, String name) {
        String text = ctx.request().getParam(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Instant instant = Instant.parse(text);
            if (!instant.isBefore(Instant.EPOCH) && !instant.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
                return instant;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new InvalidInputException(name, name + " is an instant such as 2026-11-30T08:00:00Z.");
    }

    /** A text parameter that must match {@code pattern}, or {@code null} when absent or empty; {@code hint} says how. */
    public static String text(RoutingContext ctx, String name, Pattern pattern, String hint) {
        String text = ctx.request().getParam(name);
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (!pattern.matcher(text).matches()) {
            throw new InvalidInputException(name, hint);
        }
        return text;
    }
}
