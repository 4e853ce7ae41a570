package city.mycity.geo.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.geo.TestCity;
import city.mycity.geo.fuzz.PublicApi.Answer;
import city.mycity.geo.fuzz.PublicApi.Answered;
import city.mycity.geo.fuzz.PublicApi.Refused;
import city.mycity.reading.SensorKind;
import city.mycity.reading.fuzz.Fuzz;
import city.mycity.reading.fuzz.Gen;
import city.mycity.reading.fuzz.Mutations;
import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The public API's query parameters, on values of every kind: each request is answered, or refused with 400 naming
 * the parameter; none fails with what would be a 500.
 */
class QueryParametersFuzzTest {

    private static final PublicApi API = new PublicApi(TestCity.create("demo-town"));

    /** Numbers as people, scripts and attackers write them. */
    private static final Gen<String> NUMBERS = Gen.oneOf(
            Gen.doubles().map(d -> Double.toString(d)),
            Gen.ints(Integer.MIN_VALUE, Integer.MAX_VALUE).map(i -> Integer.toString(i)),
            Gen.ints(-200, 1_000).map(i -> Integer.toString(i)),
            Gen.pick(
                    "0",
                    "-0",
                    "1",
                    "5",
                    "50",
                    "51",
                    "90",
                    "-90",
                    "90.0000001",
                    "180",
                    "-180.5",
                    "0x1p3",
                    "1d",
                    "1f",
                    " 5 ",
                    "+5",
                    "5e0",
                    "٥",
                    "NaN",
                    "Infinity",
                    "-Infinity",
                    "",
                    " ",
                    "1,5",
                    "1.5.2",
                    "99999999999",
                    "2147483648",
                    "-2147483649",
                    "1e400",
                    "0.",
                    ".5",
                    "5L",
                    "\u00005"),
            Gen.strings(12));

    /** Instants: valid ones over the whole range {@link Instant} holds, with offsets, and broken ones. */
    private static final Gen<String> INSTANTS = Gen.oneOf(
            random -> Instant.parse("2026-11-30T12:00:00Z")
                    .minusSeconds(random.nextLong(0, 7L * 86_400))
                    .toString(),
            random -> Instant.ofEpochSecond(random.nextLong(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()))
                    .toString(),
            random -> Instant.parse("2026-11-30T12:00:00Z")
                    .plusSeconds(random.nextLong(-400L * 86_400, 400L * 86_400))
                    .toString(),
            random -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Instant.ofEpochSecond(random.nextLong(0, 1L << 36))
                    .atOffset(ZoneOffset.ofHours(random.nextInt(-18, 19)))),
            Gen.pick(
                    Instant.MIN.toString(),
                    Instant.MAX.toString(),
                    "-1000000000-01-01T00:00:00Z",
                    "+1000000000-12-31T23:59:59.999999999Z",
                    "-290308-12-21T19:59:05.225Z",
                    "+292278994-08-17T07:12:55.807Z",
                    "0000-01-01T00:00:00Z",
                    "1969-12-31T23:59:59Z",
                    "1970-01-01T00:00:00Z",
                    "9999-12-31T23:59:59Z",
                    "+10000-01-01T00:00:00Z",
                    "2026-11-30",
                    "2026-11-30T18:00:00",
                    "2026-11-30t18:00:00z",
                    "2026-02-30T00:00:00Z",
                    "yesterday",
                    ""),
            Mutations.mutated(
                            Gen.utf8(Gen.constant("2026-11-30T18:00:00Z")),
                            List.of("+", "-", "Z", "T", ":", "9999", "0", ".", " "),
                            64)
                    .map(bytes -> new String(bytes, StandardCharsets.UTF_8)),
            Gen.strings(30));

    /** Coordinates in and around the test town (50.00 to 50.02 N, 8.00 to 8.03 E), where its roads are. */
    private static final Gen<String> LATITUDES = Gen.oneOf(
            NUMBERS,
            random -> Double.toString(49.99 + random.nextDouble() * 0.04),
            Gen.pick("50.01", "50", " 50.015 "));

    private static final Gen<String> LONGITUDES = Gen.oneOf(
            NUMBERS, random -> Double.toString(7.99 + random.nextDouble() * 0.05), Gen.pick("8.01", "8", "8.02"));

    /** Counts as a client asks for them, mostly small, and any number. */
    private static final Gen<String> COUNTS =
            Gen.oneOf(NUMBERS, Gen.ints(-2, 60).map(i -> Integer.toString(i)), Gen.pick("", "1", "24", "744", "745"));

    private static final Gen<String> BOXES = Gen.oneOf(
            random -> {
                double west = 7.9 + random.nextDouble() * 0.2;
                double south = 49.9 + random.nextDouble() * 0.2;
                return west + "," + south + "," + (west + random.nextDouble() * 0.2) + ","
                        + (south + random.nextDouble() * 0.2);
            },
            random -> String.join(",", Gen.lists(NUMBERS, 4, 4).next(random)),
            random -> String.join(",", Gen.lists(NUMBERS, 0, 6).next(random)),
            Gen.pick("8.0,50.0,8.03,50.02", "-180,-90,180,90", "8.03,50.0,8.0,50.02", " 8 , 50 , 9 , 51 ", ",,,", ""),
            Gen.strings(40));

    private static final Gen<String> KINDS = Gen.oneOf(
            Gen.pick(Arrays.stream(SensorKind.values()).map(SensorKind::code).toList()),
            Gen.pick("Parking-Bay", " bin ", "street-lamp", "", " "),
            Gen.strings(20));

    private static final Gen<String> TEXT = Gen.oneOf(
            Gen.strings(40), Gen.pick("fill", "occupied", "cp001", "none", ""), Gen.pick("fill", "occupied", "flow"));

    /** The parameters each route reads, and what their values look like. */
    private static final Map<String, Map<String, Gen<String>>> ROUTES = Map.of(
            "/api/v1/parking/nearest", Map.of("lat", LATITUDES, "lon", LONGITUDES, "limit", COUNTS),
            "/api/v1/parking/carparks/:id/history", Map.of("hours", COUNTS, "until", INSTANTS),
            "/api/v1/sensors", Map.of("bbox", BOXES, "kind", KINDS, "site", TEXT, "limit", COUNTS),
            "/api/v1/sensors/:id/history",
                    Map.of(
                            "quantity",
                            TEXT,
                            "resolution",
                            Gen.oneOf(
                                    Gen.pick("hour", "minute"),
                                    Gen.pick("hour", "minute", "Hour", "second", ""),
                                    Gen.strings(8)),
                            "from",
                            INSTANTS,
                            "to",
                            INSTANTS),
            "/api/v1/alerts", Map.of("since", INSTANTS),
            "/api/v1/bins/due", Map.of("before", INSTANTS),
            "/api/v1/bins/routes",
                    Map.of(
                            "before",
                            INSTANTS,
                            "trucks",
                            COUNTS,
                            "capacity",
                            COUNTS,
                            "shift_hours",
                            COUNTS,
                            "seconds",
                            COUNTS));

    /** A request to one of the routes: most of its parameters, now and then twice or with one it does not read. */
    private record Request(String path, String id, List<String[]> query) {

        static Gen<Request> to(String path) {
            Map<String, Gen<String>> params = ROUTES.get(path.replace("zones", "sensors"));
            return random -> {
                List<String[]> query = new ArrayList<>();
                params.forEach((name, values) -> {
                    if (random.nextInt(5) > 0) {
                        query.add(new String[] {name, values.next(random)});
                    }
                    if (random.nextInt(20) == 0) {
                        query.add(new String[] {name, values.next(random)});
                    }
                });
                if (random.nextInt(10) == 0) {
                    query.add(new String[] {
                        Gen.strings(10).next(random), Gen.strings(10).next(random)
                    });
                }
                return new Request(path, id(random), query);
            };
        }

        private static String id(SplittableRandom random) {
            return random.nextBoolean() ? "cp001" : Gen.strings(30).next(random);
        }

        MultiMap params() {
            MultiMap params = MultiMap.caseInsensitiveMultiMap();
            query.forEach(p -> params.add(p[0], p[1]));
            return params;
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(path.replace(":id", Fuzz.show(id))).append('?');
            query.forEach(p -> text.append(Fuzz.show(p[0]))
                    .append('=')
                    .append(Fuzz.show(p[1]))
                    .append('&'));
            return text.toString();
        }
    }

    /** Answered with a JSON document, or refused with 400 naming a parameter of the request and saying what is wrong. */
    private static void assertAnsweredOrRefused(Request request) {
        Answer answer;
        try {
            answer = API.ask(request.path(), request.id(), request.params());
        } catch (Throwable e) {
            throw new AssertionError("a 500 for " + request + ": " + e, e);
        }
        if (answer instanceof Refused refused) {
            Fuzz.collect("400 " + refused.problem().parameter());
            assertThat(refused.problem().parameter()).isNotBlank();
            assertThat(ROUTES.get(request.path().replace("zones", "sensors")))
                    .containsKey(refused.problem().parameter());
            assertThat(refused.problem().getMessage()).isNotBlank();
        } else {
            Fuzz.collect("200");
            assertThat(((Answered) answer).body()).isNotNull();
        }
    }

    @Test
    void the_fuzzed_routes_are_the_public_query_routes() {
        assertThat(API.paths()).containsAll(ROUTES.keySet()).contains("/api/v1/zones/:id/history");
    }

    @Test
    void every_nearest_parking_request_is_answered_or_refused_with_400() {
        Fuzz.forAll(Request.to("/api/v1/parking/nearest")).check(QueryParametersFuzzTest::assertAnsweredOrRefused);
    }

    @Test
    void every_car_park_history_request_is_answered_or_refused_with_400() {
        Fuzz.forAll(Request.to("/api/v1/parking/carparks/:id/history"))
                .check(QueryParametersFuzzTest::assertAnsweredOrRefused);
    }

    @Test
    void every_sensor_search_is_answered_or_refused_with_400() {
        Fuzz.forAll(Request.to("/api/v1/sensors")).check(QueryParametersFuzzTest::assertAnsweredOrRefused);
    }

    @Test
    void every_sensor_or_zone_history_request_is_answered_or_refused_with_400() {
        Fuzz.forAll(Gen.oneOf(Request.to("/api/v1/sensors/:id/history"), Request.to("/api/v1/zones/:id/history")))
                .check(QueryParametersFuzzTest::assertAnsweredOrRefused);
    }

    @Test
    void every_alert_request_is_answered_or_refused_with_400() {
        Fuzz.forAll(Request.to("/api/v1/alerts")).check(QueryParametersFuzzTest::assertAnsweredOrRefused);
    }

    @Test
    void every_bin_request_is_answered_or_refused_with_400() {
        Fuzz.forAll(Gen.oneOf(Request.to("/api/v1/bins/due"), Request.to("/api/v1/bins/routes")))
                .check(QueryParametersFuzzTest::assertAnsweredOrRefused);
    }
}
