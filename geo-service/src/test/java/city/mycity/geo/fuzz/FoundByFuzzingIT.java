package city.mycity.geo.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.geo.fuzz.TownService.Reply;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The requests with which fuzzing the public API found a 500, no answer at all, or a refusal that did not say what to
 * do, asked of the real service over HTTP: each is a 400 (or a 414) with a problem document now.
 */
class FoundByFuzzingIT {

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
    void instants_the_store_cannot_hold_are_refused_with_400_naming_the_parameter() throws Exception {
        assertRefused("/api/v1/alerts?since=-1000000000-01-01T00:00:00Z", "since");
        assertRefused("/api/v1/bins/due?before=-290308-12-21T19:59:05.225Z", "before");
        assertRefused("/api/v1/bins/routes?before=%2B292278994-08-17T07:12:55.807Z", "before");
        assertRefused("/api/v1/parking/carparks/cp001/history?until=-1000000000-01-01T00:00:00Z", "until");
        assertRefused("/api/v1/parking/carparks/cp001/history?until=-38260734-05-22T17:53:27Z", "until");
    }

    @Test
    void instants_from_1970_to_9999_are_answered() throws Exception {
        assertThat(town.get("/api/v1/alerts?since=1970-01-01T00:00:00Z").status())
                .isEqualTo(200);
        assertThat(town.get("/api/v1/bins/due?before=9999-12-31T23:59:59Z").status())
                .isEqualTo(200);
        assertThat(town.get("/api/v1/parking/carparks/cp001/history?until=1970-01-01T00:00:00Z")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void a_broken_escape_in_the_query_of_a_route_with_an_id_is_refused_with_400_naming_the_parameter()
            throws Exception {
        // Vert.x Web decoded the query while it matched the route's id: a 500 with nothing logged, or no answer.
        JsonObject problem = assertRefused("/api/v1/parking/carparks/cp001/history?until=%3?A", "until");
        assertThat(problem.getString("detail")).contains("each % must start an escape");
        assertRefused("/api/v1/sensors/bin-00001/history?quantity=fill&from=%zz", "from");
        // Java's URLDecoder reads %+3 as an escape; Vert.x does not.
        assertRefused("/api/v1/sensors/bin-00001/history?quantity=fill&from=2026%+3A", "from");
        assertRefused("/api/v1/alerts?since=1%", "since");
    }

    @Test
    void a_broken_escape_in_the_path_is_refused_with_400() throws Exception {
        Reply reply = town.get("/api/v1/sensors/%zz/history?quantity=fill");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(new JsonObject(reply.body()).getString("detail"))
                .isEqualTo("The path is not percent-encoded right: each % must start an escape such as %2F.");
    }

    @Test
    void a_nul_in_an_id_or_a_text_parameter_is_refused_with_400_rather_than_fail_in_the_database() throws Exception {
        // PostgreSQL: "invalid byte sequence for encoding "UTF8": 0x00", a 500.
        Reply reply = town.get("/api/v1/parking/carparks/cp%00001/history");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(new JsonObject(reply.body()).getString("detail"))
                .isEqualTo("The path must not contain the NUL character (%00).");
        assertRefused("/api/v1/sensors?bbox=8,50,8.03,50.02&site=cp%00001", "site");
        assertRefused("/api/v1/sensors/bin-00001/history?quantity=fi%00ll", "quantity");
    }

    @Test
    void a_request_line_longer_than_the_server_reads_is_refused_with_414_and_a_problem_document() throws Exception {
        Reply reply = town.get("/api/v1/alerts?since=" + "0".repeat(5_000));

        assertThat(reply.status()).isEqualTo(414);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(new JsonObject(reply.body()).getString("detail"))
                .isEqualTo("The path and query are longer than 4096 characters: ask with fewer or shorter parameters.");
        assertThat(town.get("/api/v1/alerts").status())
                .as("the next request, on a new connection")
                .isEqualTo(200);
    }

    @Test
    void refusals_that_name_a_parameter_say_it_in_their_detail() throws Exception {
        assertThat(assertRefused("/api/v1/parking/nearest?lat=-90&lon=8.02", "lat")
                        .getString("detail"))
                .startsWith("Parameters lat and lon name a place no car reaches: No road within");
        assertThat(assertRefused(
                                "/api/v1/sensors/bin-00001/history?quantity=fill&resolution=minute"
                                        + "&from=2026-10-01T00:00:00Z&to=2026-11-30T00:00:00Z",
                                "from")
                        .getString("detail"))
                .startsWith("Parameters from and to are more than");
    }

    /** Asserts a 400 with a problem document naming {@code parameter} in its member and its detail; gives it. */
    private static JsonObject assertRefused(String target, String parameter) throws Exception {
        Reply reply = town.get(target);
        assertThat(reply.status()).as("status of %s: %s", target, reply).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        JsonObject problem = new JsonObject(reply.body());
        assertThat(problem.getString("parameter")).as(target).isEqualTo(parameter);
        assertThat(problem.getString("detail")).contains(parameter);
        return problem;
    }
}
