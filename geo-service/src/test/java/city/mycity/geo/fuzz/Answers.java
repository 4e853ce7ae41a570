package city.mycity.geo.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.geo.fuzz.TownService.Reply;
import city.mycity.reading.fuzz.Fuzz;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the public API may answer a request with: 200 and a JSON document; or 400 and a problem document (RFC 9457)
 * whose {@code parameter} is one the route reads, or one the request sends, and whose {@code detail} names it, or, for
 * a path that does not decode, whose {@code detail} says so; or, for a path that names no resource of the route (its
 * id empty, {@code .} or {@code ..}, or cut by a {@code /} or {@code ?}), 404 or another route's 400, with a problem
 * document; or 414 and a problem document, for a request line longer than the server reads.
 */
final class Answers {

    private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    private Answers() {}

    static void assertAnsweredOrRefused(PublicRoute route, String target, Reply reply) {
        String path = target.split("\\?", 2)[0];
        if (reply.status() == 200) {
            Fuzz.collect("200");
            assertAnswered(reply);
            return;
        }
        assertThat(reply.status()).as("status of %s", reply).isIn(400, 404, 414);
        assertThat(reply.contentType()).as("content type of %s", reply).isEqualTo("application/problem+json");
        JsonObject problem = new JsonObject(reply.body());
        assertThat(problem.getInteger("status")).isEqualTo(reply.status());
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail")).isNotBlank();
        if (reply.status() == 414) {
            Fuzz.collect("414");
            assertThat(requestLine(target))
                    .as("the request line's length")
                    .isGreaterThan(HttpServerOptions.DEFAULT_MAX_INITIAL_LINE_LENGTH);
        } else if (reply.status() == 404) {
            Fuzz.collect("404");
            assertThat(namesNoResource(route, path))
                    .as("%s names a resource of %s, yet %s", path, route.path(), problem)
                    .isTrue();
        } else if (!decodes(path)) {
            Fuzz.collect("400 path");
            assertThat(problem.getString("detail")).startsWith("The path ");
        } else if (namesNoResource(route, path)) {
            // Another route's refusal, e.g. of /api/v1/sensors/ when the id held a '?'.
            Fuzz.collect("400 elsewhere");
        } else {
            String parameter = problem.getString("parameter");
            Fuzz.collect("400 " + (route.parameters().contains(parameter) ? parameter : "another parameter"));
            assertThat(parameter).as("parameter of %s", problem).isIn(namedIn(route, target));
            assertThat(problem.getString("detail")).as("detail of %s", problem).contains(parameter);
        }
    }

    /** The length of {@code GET target HTTP/1.1}. */
    private static int requestLine(String target) {
        return ("GET " + target + " HTTP/1.1").length();
    }

    private static void assertAnswered(Reply reply) {
        if ("text/csv; charset=utf-8".equals(reply.contentType())) {
            assertThat(reply.body())
                    .as("a CSV download starts with its header")
                    .matches("(?s)[a-z_]+(,[a-z_]+)*\r\n.*");
            return;
        }
        assertThat(reply.contentType()).isIn("application/json", "application/geo+json");
        JsonObject body = new JsonObject(reply.body());
        if (reply.contentType().equals("application/geo+json")) {
            assertThat(body.getString("type")).isEqualTo("FeatureCollection");
            assertThat(body.getJsonArray("features")).isNotNull();
        }
    }

    /**
     * The parameters a problem may name: those the route reads ({@code id} too, if its path has one), in any case, and
     * those the request sends, as sent or decoded.
     */
    private static Set<String> namedIn(PublicRoute route, String target) {
        Set<String> names = new HashSet<>();
        route.parameters().forEach(name -> {
            names.add(name);
            names.add(name.toUpperCase(Locale.ROOT));
        });
        if (route.path().contains("{id}")) {
            names.add("id");
        }
        String[] pathAndQuery = target.split("\\?", 2);
        if (pathAndQuery.length == 2) {
            for (String pair : pathAndQuery[1].split("[&;]")) {
                String name = pair.split("=", 2)[0];
                names.add(name);
                try {
                    names.add(URLDecoder.decode(name, StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    // named as sent
                }
            }
        }
        return names;
    }

    /** Whether the path decodes (each {@code %} starts an escape of two hex digits) to text without a NUL. */
    private static boolean decodes(String path) {
        return !BROKEN_ESCAPE.matcher(path).find()
                && URLDecoder.decode(path, StandardCharsets.UTF_8).indexOf('\u0000') < 0;
    }

    /** Whether the path is not the route's path with one id in it (a {@code ?} in the id cut it short). */
    private static boolean namesNoResource(PublicRoute route, String path) {
        String template = route.path();
        int id = template.indexOf("{id}");
        if (id < 0) {
            return false;
        }
        String prefix = template.substring(0, id);
        String suffix = template.substring(id + "{id}".length());
        if (!path.startsWith(prefix) || !path.endsWith(suffix) || path.length() < prefix.length() + suffix.length()) {
            return true;
        }
        String segment = path.substring(prefix.length(), path.length() - suffix.length());
        String decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (route == PublicRoute.OPEN_DATA
                && (!PublicRoute.OPEN_DATA_FILES.contains(decoded) || decoded.equals("salaries.csv"))) {
            // Not a download of the catalogue.
            return true;
        }
        return segment.contains("/") || decoded.isEmpty() || decoded.equals(".") || decoded.equals("..");
    }
}
