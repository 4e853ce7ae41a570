package city.mycity.geo;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.citymodel.City;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The limits every request meets: a rate per client, no request body, loopback by default. */
class HttpLimitsIT {

    private Vertx vertx;
    private TestStore store;
    private GeoService service;
    private WebClient client;
    private int port;

    @BeforeEach
    void start() throws Exception {
        City city = TestCity.create("limits-" + UUID.randomUUID().toString().substring(0, 8));
        store = TestStore.withCity(city);
        vertx = Vertx.vertx();
        service = GeoService.builder()
                .vertx(vertx)
                .city(city)
                .dataSource(store.dataSource())
                .port(0)
                .rateLimit(1)
                .build();
        port = service.start();
        client = WebClient.create(vertx);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        service.close();
        vertx.close().await();
        store.close();
    }

    private HttpResponse<Buffer> get(String uri) {
        return client.get(port, "127.0.0.1", uri).send().await();
    }

    @Test
    void a_client_over_its_rate_is_told_when_to_come_back() {
        // A rate of 1 a second lets 2 through at once.
        assertThat(get("/api/v1/city").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/city").statusCode()).isEqualTo(200);

        HttpResponse<Buffer> third = get("/api/v1/city");

        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(third.getHeader("Retry-After"))).isBetween(1, 2);
        assertThat(third.bodyAsString()).contains("Too many requests from this address");
    }

    @Test
    void a_request_with_a_body_is_refused_as_too_large_for_a_read_only_api() {
        HttpResponse<Buffer> withBody = client.get(port, "127.0.0.1", "/api/v1/city")
                .sendBuffer(Buffer.buffer("{\"evil\":true}"))
                .await();

        assertThat(withBody.statusCode()).isEqualTo(413);
        assertThat(withBody.bodyAsString()).contains("takes no request body");
    }

    @Test
    void the_service_listens_on_loopback_unless_told_otherwise() {
        assertThat(GeoService.builder().host).isEqualTo("127.0.0.1");
    }
}
