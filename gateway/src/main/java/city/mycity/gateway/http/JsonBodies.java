package city.mycity.gateway.http;

import city.mycity.gateway.exception.InvalidInputException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/** Reads a request's JSON object, refusing anything else with a problem document that says what was wrong. */
public final class JsonBodies {

    private JsonBodies() {}

    /** The body as a JSON object, or {@code null} once the request has been answered with 415 or 400. */
    public static JsonObject object(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            Replies.problem(
                    ctx, 415, "unsupported-media-type", "Unsupported Media Type", "Send application/json.", null);
            return null;
        }
        try {
            Object value = ctx.body().buffer() == null
                    ? null
                    : io.vertx.core.json.Json.decodeValue(ctx.body().buffer());
            if (value instanceof JsonObject json) {
                return json;
            }
            Replies.problem(ctx, 400, "invalid-json", "Bad Request", "The body must be a JSON object.", null);
        } catch (DecodeException e) {
            Replies.problem(ctx, 400, "invalid-json", "Bad Request", "The body is not JSON.", null);
        }
        return null;
    }

    /** A text member, or {@code null} when absent; anything but a string is refused. */
    public static String text(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new InvalidInputException(field, "The " + field + " must be a string.");
    }

    /** A number member, or {@code null} when absent; anything but a number is refused. */
    public static Double number(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value == null || value instanceof Number) {
            return value == null ? null : ((Number) value).doubleValue();
        }
        throw new InvalidInputException(field, "The " + field + " must be a number.");
    }

    /** Refuses members the API does not know, so that a misspelt field is not silently ignored. */
    public static void onlyKnown(JsonObject body, Set<String> known) {
        for (String name : body.fieldNames()) {
            if (!known.contains(name)) {
                throw new InvalidInputException(name, "Unknown field " + name + "; known: " + known + ".");
            }
        }
    }
}
