package city.mycity.geo.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.geo.TestCity;
import city.mycity.geo.fuzz.PublicApi.Answer;
import city.mycity.geo.fuzz.PublicApi.Answered;
import city.mycity.geo.fuzz.PublicApi.Refused;
import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

/** The requests with which fuzzing found 500s: instants Java reads but the store cannot hold. Each is a 400 now. */
class FarInstantsTest {

    private static final PublicApi API = new PublicApi(TestCity.create("demo-town"));

    private static Answer ask(String path, String name, String value) throws Throwable {
        return API.ask(path, "cp001", MultiMap.caseInsensitiveMultiMap().add(name, value));
    }

    @Test
    void alerts_since_the_year_minus_one_billion_are_refused_with_400() throws Throwable {
        assertThat(ask("/api/v1/alerts", "since", "-1000000000-01-01T00:00:00Z"))
                .isInstanceOfSatisfying(
                        Refused.class, r -> assertThat(r.problem().parameter()).isEqualTo("since"));
    }

    @Test
    void bins_due_before_the_year_minus_290308_are_refused_with_400() throws Throwable {
        assertThat(ask("/api/v1/bins/due", "before", "-290308-12-21T19:59:05.225Z"))
                .isInstanceOfSatisfying(
                        Refused.class, r -> assertThat(r.problem().parameter()).isEqualTo("before"));
        assertThat(ask("/api/v1/bins/routes", "before", "+292278994-08-17T07:12:55.807Z"))
                .isInstanceOf(Refused.class);
    }

    @Test
    void a_car_park_history_until_the_first_instant_java_knows_is_refused_with_400() throws Throwable {
        assertThat(ask("/api/v1/parking/carparks/:id/history", "until", "-1000000000-01-01T00:00:00Z"))
                .isInstanceOfSatisfying(
                        Refused.class, r -> assertThat(r.problem().parameter()).isEqualTo("until"));
        assertThat(ask("/api/v1/parking/carparks/:id/history", "until", "-38260734-05-22T17:53:27Z"))
                .isInstanceOf(Refused.class);
    }

    @Test
    void instants_from_1970_to_9999_are_answered() throws Throwable {
        assertThat(ask("/api/v1/alerts", "since", "1970-01-01T00:00:00Z")).isInstanceOf(Answered.class);
        assertThat(ask("/api/v1/bins/due", "before", "9999-12-31T23:59:59Z")).isInstanceOf(Answered.class);
        assertThat(ask("/api/v1/parking/carparks/:id/history", "until", "1970-01-01T00:00:00Z"))
                .isInstanceOf(Answered.class);
    }
}
