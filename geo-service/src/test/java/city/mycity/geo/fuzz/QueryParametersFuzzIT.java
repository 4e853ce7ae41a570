package city.mycity.geo.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.geo.fuzz.TownService.Reply;
import city.mycity.reading.fuzz.Fuzz;
import city.mycity.reading.fuzz.Gen;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public API's query and path parameters, fuzzed over real HTTP against the real service on a real database: every
 * request is answered 200 with a JSON document, or refused 400 with a problem document (RFC 9457) naming the parameter
 * and saying what is wrong with it. Never a 500, a dropped connection or a hang.
 *
 * <p>Each property sends as many requests as {@value #HTTP_TRIES} says (by default 200, from the harness's fixed seed; the {@code fuzz}
 * profile raises it), the same seed setting as the other properties.
 */
class QueryParametersFuzzIT {

    /** The system property with the requests each property sends. */
    static final String HTTP_TRIES = "mycity.fuzz.http-tries";

    private static final int DEFAULT_HTTP_TRIES = 200;

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
    void the_fuzzed_routes_are_every_public_route_the_api_documents_with_parameters() throws Exception {
        JsonObject openApi = new JsonObject(town.get("/api/v1/openapi.json").body());
        JsonObject shared = openApi.getJsonObject("components").getJsonObject("parameters");
        Map<String, Set<String>> documented = new HashMap<>();
        openApi.getJsonObject("paths").forEach(path -> {
            JsonObject get = ((JsonObject) path.getValue()).getJsonObject("get");
            if (get == null || get.containsKey("security")) {
                // Writes, and the crews' reads behind a login, are not public routes.
                return;
            }
            JsonArray parameters = get.getJsonArray("parameters");
            if (parameters == null || parameters.isEmpty()) {
                return;
            }
            Set<String> names = new TreeSet<>();
            for (Object p : parameters) {
                JsonObject parameter = (JsonObject) p;
                String ref = parameter.getString("$ref");
                if (ref != null) {
                    parameter = shared.getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
                }
                if (parameter.getString("in").equals("query")) {
                    names.add(parameter.getString("name"));
                }
            }
            if (!names.isEmpty()) {
                // Routes with path parameters only (the base map's layers and glyphs) have no query to fuzz.
                documented.put(path.getKey(), names);
            }
        });
        Map<String, Set<String>> fuzzed = new HashMap<>();
        for (PublicRoute route : PublicRoute.values()) {
            fuzzed.put(route.path(), new TreeSet<>(route.parameters()));
        }

        assertThat(fuzzed).isEqualTo(documented);
    }

    @Test
    void every_nearest_parking_request_is_answered_or_refused_with_a_problem_naming_its_parameter() {
        requestsTo(PublicRoute.NEAREST_PARKING).check(QueryParametersFuzzIT::assertAnsweredOrRefused);
    }

    @Test
    void every_car_park_history_request_is_answered_or_refused_with_a_problem_naming_its_parameter() {
        requestsTo(PublicRoute.CAR_PARK_HISTORY).check(QueryParametersFuzzIT::assertAnsweredOrRefused);
    }

    @Test
    void every_sensor_search_is_answered_or_refused_with_a_problem_naming_its_parameter() {
        requestsTo(PublicRoute.SENSORS).check(QueryParametersFuzzIT::assertAnsweredOrRefused);
    }

    @Test
    void every_sensor_or_zone_history_request_is_answered_or_refused_with_a_problem_naming_its_parameter() {
        requestsTo(PublicRoute.SENSOR_HISTORY, PublicRoute.ZONE_HISTORY)
                .check(QueryParametersFuzzIT::assertAnsweredOrRefused);
    }

    @Test
    void every_alert_request_is_answered_or_refused_with_a_problem_naming_its_parameter() {
        requestsTo(PublicRoute.ALERTS).check(QueryParametersFuzzIT::assertAnsweredOrRefused);
    }

    @Test
    void every_open_data_download_is_answered_or_refused_with_a_problem_naming_its_parameter() {
        requestsTo(PublicRoute.OPEN_DATA).check(QueryParametersFuzzIT::assertAnsweredOrRefused);
    }

    @Test
    void every_bin_request_is_answered_or_refused_with_a_problem_naming_its_parameter() {
        requestsTo(PublicRoute.BINS_DUE, PublicRoute.BIN_ROUTES).check(QueryParametersFuzzIT::assertAnsweredOrRefused);
    }

    /**
     * Requests to these routes, as many as {@value #HTTP_TRIES} says. Each test checks the property itself, so that
     * the harness names the property after it.
     */
    private static Fuzz<Request> requestsTo(PublicRoute... routes) {
        return withHttpTries(random -> {
            PublicRoute route = routes[random.nextInt(routes.length)];
            return new Request(route, route.requests().next(random));
        });
    }

    private static void assertAnsweredOrRefused(Request request) {
        Reply reply;
        try {
            reply = town.get(request.target());
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within " + TownService.TIMEOUT_SECONDS + " s", e);
        } catch (Exception e) {
            throw new AssertionError("no answer: " + e, e);
        }
        Answers.assertAnsweredOrRefused(request.route(), request.target(), reply);
    }

    /**
     * A property of {@value #HTTP_TRIES} inputs: the harness takes its count from {@link Fuzz#TRIES} when a property
     * is made, so that count is set for that moment.
     */
    private static <T> Fuzz<T> withHttpTries(Gen<T> inputs) {
        String tries = Integer.toString(Integer.getInteger(HTTP_TRIES, DEFAULT_HTTP_TRIES));
        String before = System.getProperty(Fuzz.TRIES);
        System.setProperty(Fuzz.TRIES, tries);
        try {
            return Fuzz.forAll(inputs);
        } finally {
            if (before == null) {
                System.clearProperty(Fuzz.TRIES);
            } else {
                System.setProperty(Fuzz.TRIES, before);
            }
        }
    }

    /** A request target to one of the routes. */
    private record Request(PublicRoute route, String target) {
        @Override
        public String toString() {
            return "GET " + target;
        }
    }
}
