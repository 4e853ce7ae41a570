package city.mycity.geo.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Refuses with 400 and a problem document, before any route is matched, a request whose path or query parameters do
 * not decode: a {@code %} that starts no escape such as {@code %2F}, or a NUL character ({@code %00}), which no text
 * column of the store can hold. Left to the router, the first made Vert.x Web fail the request while it matched a
 * route with a path parameter (a 500, or no answer at all), and the second made PostgreSQL fail the query (a 500).
 */
final class RequestTargets {

    private RequestTargets() {}

    /** Lets a request whose path and query decode go on, or answers 400 naming the parameter that does not. */
    static void check(RoutingContext ctx) {
        String path = ctx.request().path();
        String pathProblem = path == null ? null : problem(path);
        if (pathProblem != null) {
            Problems.send(ctx, 400, "Bad Request", "The path " + pathProblem, null);
            return;
        }
        String query = ctx.request().query();
        if (query != null) {
            for (String pair : query.split("[&;]")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                String problem = problem(name);
                if (problem == null) {
                    name = URLDecoder.decode(name, StandardCharsets.UTF_8);
                    problem = problem(value);
                }
                if (problem != null) {
                    Problems.send(
                            ctx,
                            400,
                            "Bad Request",
                            "Parameter " + name + " " + problem,
                            new JsonObject().put("parameter", name));
                    return;
                }
            }
        }
        ctx.next();
    }

    /** What is wrong with the percent-encoded text, or {@code null} when it decodes to text without a NUL. */
    private static String problem(String encoded) {
        for (int i = encoded.indexOf('%'); i >= 0; i = encoded.indexOf('%', i + 1)) {
            if (i + 2 >= encoded.length() || !isHexDigit(encoded.charAt(i + 1)) || !isHexDigit(encoded.charAt(i + 2))) {
                return "is not percent-encoded right: each % must start an escape such as %2F.";
            }
        }
        // Each escape is two hex digits now (URLDecoder alone would take %+3 and %-3 for escapes).
        String decoded = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        return decoded.indexOf('\u0000') >= 0 ? "must not contain the NUL character (%00)." : null;
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
