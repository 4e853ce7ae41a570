package city.mycity.geo.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.mycity.geo.InvalidParameterException;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.lang.reflect.Proxy;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ParamsTest {

    /** A request context that has these query parameters and nothing else. */
    private static RoutingContext query(String name, String value) {
        MultiMap params = MultiMap.caseInsensitiveMultiMap().add(name, value);
        return (RoutingContext) Proxy.newProxyInstance(
                RoutingContext.class.getClassLoader(), new Class<?>[] {RoutingContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("queryParams")) {
                        return params;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void reads_an_iso_8601_instant_and_gives_the_default_for_a_blank_one() {
        assertThat(Params.instant(query("since", " 2026-11-30T06:00:00Z "), "since", null))
                .isEqualTo(Instant.parse("2026-11-30T06:00:00Z"));
        assertThat(Params.instant(query("since", ""), "since", Instant.EPOCH)).isEqualTo(Instant.EPOCH);
        assertThat(Params.instant(query("other", "x"), "since", null)).isNull();
    }

    @Test
    void refuses_an_instant_the_store_cannot_hold_with_400_rather_than_fail_with_500() {
        // What fuzzing the public API found: since, before and until took any instant Java reads, up to the year
        // 1,000,000,000; java.sql.Timestamp or PostgreSQL then failed the request with a 500.
        for (String far : new String[] {
            "-1000000000-01-01T00:00:00Z",
            "+1000000000-12-31T23:59:59.999999999Z",
            "-290308-12-21T19:59:05.225Z",
            "+10000-01-01T00:00:00Z",
            "1969-12-31T23:59:59Z"
        }) {
            assertThatThrownBy(() -> Params.instant(query("before", far), "before", null))
                    .as(far)
                    .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                        assertThat(e.parameter()).isEqualTo("before");
                        assertThat(e.getMessage())
                                .isEqualTo("Parameter before must be between 1970 and 9999, not " + far + ".");
                    });
        }
        assertThat(Params.instant(query("before", "9999-12-31T23:59:59Z"), "before", null))
                .isEqualTo(Params.LATEST);
    }

    @Test
    void refuses_text_that_is_not_an_instant_naming_the_parameter() {
        assertThatThrownBy(() -> Params.instant(query("until", "yesterday"), "until", null))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter())
                        .isEqualTo("until"))
                .hasMessageContaining("ISO-8601");
    }
}
