package city.mycity.geo.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.geo.fuzz.TownService.Reply;
import city.mycity.reading.fuzz.Fuzz;
import city.mycity.reading.fuzz.Gen;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SensorThings' query options, fuzzed over real HTTP against the real service on a real database: expressions built
 * from the grammar of {@code $filter} (properties, paths, literals, operators, functions), then now and then broken
 * (a token dropped, one repeated, junk put in); huge and negative numbers; unknown options. Every request is answered
 * 200 with a collection or an entity, or refused with a problem document (400 or 404): never a 500, a dropped connection or a hang.
 */
class SensorThingsFuzzIT {

    private static final List<String> COLLECTIONS = List.of(
            "Things",
            "Locations",
            "HistoricalLocations",
            "Datastreams",
            "Sensors",
            "ObservedProperties",
            "Observations",
            "FeaturesOfInterest");
    private static final List<String> PROPERTIES = List.of(
            "name",
            "description",
            "properties/kind",
            "phenomenonTime",
            "result",
            "resultTime",
            "time",
            "id",
            "encodingType",
            "Datastream/Thing/name",
            "Thing/name",
            "Datastreams/name",
            "unitOfMeasurement/symbol",
            "location",
            "nothing",
            "Observations/result");
    private static final List<String> OPERATORS =
            List.of("eq", "ne", "gt", "ge", "lt", "le", "add", "sub", "mul", "div", "mod", "and", "or");
    private static final List<String> FUNCTIONS = List.of(
            "substringof",
            "contains",
            "startswith",
            "endswith",
            "length",
            "indexof",
            "substring",
            "tolower",
            "toupper",
            "trim",
            "concat",
            "year",
            "month",
            "day",
            "hour",
            "minute",
            "second",
            "date",
            "time",
            "round",
            "floor",
            "ceiling",
            "now",
            "geo.distance",
            "st_within",
            "frobnicate");
    private static final List<String> LITERALS = List.of(
            "'bay-00001'",
            "'it''s'",
            "''",
            "1",
            "-3",
            "2.5",
            "1e400",
            "99999999999999999999999",
            "true",
            "null",
            "2015-03-01T00:00:00Z",
            "2015-13-45T99:00:00Z",
            "2026-11-30T08:00:00.000+02:00",
            "duration'P1D'",
            "geography'POINT(8 50)'",
            "geography'POINT(nonsense)'",
            "'\u00e9\u00e8\u4e2d'");
    private static final List<String> JUNK = List.of("(", ")", ",", "'", "/", "$", "%", ";", " ", "&&", "\\", "\u0000");

    private static TownService town;

    @BeforeAll
    static void start() throws Exception {
        town = TownService.start();
    }

    @AfterAll
    static void stop() {
        town.close();
    }

    @Test
    void every_filter_and_order_is_answered_or_refused_with_a_problem() {
        Fuzz.forAll(SensorThingsFuzzIT::request).check(SensorThingsFuzzIT::assertAnsweredOrRefused);
    }

    private static String request(SplittableRandom random) {
        StringBuilder target = new StringBuilder("/sta/v1.1/").append(pick(COLLECTIONS, random));
        if (random.nextInt(4) == 0) {
            target.append('(')
                    .append(random.nextInt(3) == 0 ? "x" : Long.toString(random.nextLong(100)))
                    .append(')');
            if (random.nextBoolean()) {
                target.append('/').append(pick(COLLECTIONS, random));
            }
        }
        StringBuilder query = new StringBuilder();
        option(query, "$filter", random.nextInt(5) > 0 ? broken(expression(random, 0), random) : null);
        option(
                query,
                "$orderby",
                random.nextInt(3) == 0
                        ? pick(PROPERTIES, random) + pick(List.of("", " asc", " desc", " sideways"), random)
                        : null);
        option(query, "$top", random.nextInt(4) == 0 ? number(random) : null);
        option(query, "$skip", random.nextInt(5) == 0 ? number(random) : null);
        option(query, "$count", random.nextInt(5) == 0 ? pick(List.of("true", "false", "maybe"), random) : null);
        option(query, "$select", random.nextInt(5) == 0 ? pick(PROPERTIES, random) + ",id" : null);
        option(
                query,
                "$expand",
                random.nextInt(5) == 0
                        ? pick(
                                List.of(
                                        "Datastreams",
                                        "Datastreams/Observations",
                                        "Datastreams($top=1;$select=name)",
                                        "Thing",
                                        "Locations($filter=name eq 'x')",
                                        "Nothing",
                                        "Datastreams(",
                                        "Datastreams($top=-1)"),
                                random)
                        : null);
        option(query, random.nextInt(10) == 0 ? "$" + Gen.strings(6).next(random) : null, "1");
        if (!query.isEmpty()) {
            target.append('?').append(query);
        }
        return target.toString();
    }

    private static String expression(SplittableRandom random, int depth) {
        int choice = depth > 4 ? random.nextInt(2) : random.nextInt(6);
        return switch (choice) {
            case 0 -> pick(PROPERTIES, random);
            case 1 -> pick(LITERALS, random);
            case 2, 3 ->
                expression(random, depth + 1) + " " + pick(OPERATORS, random) + " " + expression(random, depth + 1);
            case 4 -> "not (" + expression(random, depth + 1) + ")";
            default -> {
                String function = pick(FUNCTIONS, random);
                int arguments = random.nextInt(4);
                StringBuilder call = new StringBuilder(function).append('(');
                for (int i = 0; i < arguments; i++) {
                    call.append(i > 0 ? "," : "").append(expression(random, depth + 1));
                }
                yield call.append(')').toString();
            }
        };
    }

    /** Now and then breaks the expression: a character dropped, one doubled, junk put in. */
    private static String broken(String expression, SplittableRandom random) {
        if (expression.isEmpty() || random.nextInt(3) > 0) {
            return expression;
        }
        int at = random.nextInt(expression.length());
        return switch (random.nextInt(3)) {
            case 0 -> expression.substring(0, at) + expression.substring(at + 1);
            case 1 -> expression.substring(0, at) + expression.charAt(at) + expression.substring(at);
            default -> expression.substring(0, at) + pick(JUNK, random) + expression.substring(at);
        };
    }

    private static String number(SplittableRandom random) {
        return pick(List.of("0", "1", "5", "-1", "10000", "10001", "2147483648", "99999999999999999999", "x"), random);
    }

    private static void option(StringBuilder query, String name, String value) {
        if (name == null || value == null) {
            return;
        }
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(URLEncoder.encode(name, StandardCharsets.UTF_8).replace("%24", "$"))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private static <T> T pick(List<T> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }

    private static void assertAnsweredOrRefused(String target) {
        Reply reply;
        try {
            reply = town.get(target);
        } catch (Exception e) {
            throw new AssertionError("no answer to " + target + ": " + e, e);
        }
        if (reply.status() == 200) {
            Fuzz.collect("200");
            JsonObject body = new JsonObject(reply.body());
            assertThat(body.containsKey("value") || body.containsKey("@iot.id"))
                    .as("%s: a collection or an entity, not %s", target, reply.body())
                    .isTrue();
            return;
        }
        Fuzz.collect(Integer.toString(reply.status()));
        assertThat(reply.status()).as("%s: %s", target, reply.body()).isIn(400, 404);
        assertThat(reply.contentType()).as(target).isEqualTo("application/problem+json");
        JsonObject problem = new JsonObject(reply.body());
        assertThat(problem.getString("detail")).as(target).isNotBlank().doesNotContain("Exception", "SQL");
    }
}
