package city.mycity.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.mycity.citymodel.City;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live feed pushes changes written to the store to every connected client. */
class LiveFeedIT {

    private Vertx vertx;
    private TestStore store;
    private GeoService service;
    private HttpClientAgent client;
    private int port;

    @BeforeEach
    void start() throws Exception {
        City city = TestCity.create("live-" + UUID.randomUUID().toString().substring(0, 8));
        store = TestStore.withCity(city);
        store.carParkOccupancy("cp001", 1, 4);
        vertx = Vertx.vertx();
        service = GeoService.builder()
                .vertx(vertx)
                .city(city)
                .dataSource(store.dataSource())
                .port(0)
                .pollInterval(Duration.ofMillis(100))
                .heartbeat(Duration.ofMillis(200))
                .build();
        port = service.start();
        client = vertx.createHttpClient();
    }

    @AfterEach
    void stop() throws Exception {
        client.close().await();
        service.close();
        vertx.close().await();
        store.close();
    }

    @Test
    void every_client_receives_a_car_park_change_after_the_row_changes() throws Exception {
        StringBuffer first = listen();
        StringBuffer second = listen();

        store.carParkOccupancy("cp001", 3, 4);

        String expected = "event: carpark\ndata: {\"id\":\"cp001\",\"free\":1,\"occupied\":3,\"capacity\":4,";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(first.toString()).contains(expected);
            assertThat(second.toString()).contains(expected);
        });
    }

    @Test
    void a_street_bay_change_is_a_bay_event_and_car_park_bays_are_not() throws Exception {
        StringBuffer events = listen();

        store.sensorState("cp001-b0001", "occupied", 1, "/");
        store.sensorState("bay-00002", "occupied", 1, "/");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events.toString())
                .contains("event: bay\ndata: {\"id\":\"bay-00002\",\"occupied\":true,"));
        assertThat(events.toString()).doesNotContain("cp001-b0001");
    }

    @Test
    void a_public_alert_is_pushed_when_it_opens_and_when_it_is_resolved_and_a_device_s_health_is_not()
            throws Exception {
        StringBuffer events = listen();

        store.alert("ws-0001", "battery-low", "open", "2026-11-30T05:00:00Z");
        String leak = store.alert("ws-0001", "leak", "open", "2026-11-30T02:00:00Z");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events.toString())
                .contains("event: alert\ndata: {\"id\":\"" + leak + "\",\"subject\":\"ws-0001\",\"problem\":\"leak\"")
                .contains("\"status\":\"open\"")
                .contains("\"coordinates\":[4.02,50.01]"));

        store.resolveAlert(leak);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(events.toString()).contains("\"status\":\"resolved\""));
        assertThat(events.toString()).doesNotContain("battery-low");
    }

    @Test
    void more_alert_changes_at_one_time_than_a_query_reads_are_all_pushed_once() throws Exception {
        StringBuffer events = listen();

        store.leaks(1_200);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() ->
                        assertThat(events.toString().split("event: alert", -1)).hasSize(1_201));
        assertThat(events.toString().split("event: alert", -1)).as("none twice").hasSize(1_201);
    }

    @Test
    void an_unchanged_row_is_reported_once() throws Exception {
        StringBuffer events = listen();

        store.carParkOccupancy("cp001", 2, 4);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(events.toString()).contains("\"occupied\":2"));
        store.sensorState("bay-00003", "occupied", 0, "/");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(events.toString()).contains("bay-00003"));

        assertThat(events.toString().split("event: carpark", -1)).hasSize(2);
    }

    @Test
    void idle_clients_get_heartbeats() throws Exception {
        StringBuffer events = listen();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(events.toString()).contains(": heartbeat"));
    }

    @Test
    void one_client_more_than_the_feed_serves_is_told_to_come_back_later() throws Exception {
        service.close();
        City city = TestCity.create("live-cap-" + UUID.randomUUID().toString().substring(0, 8));
        service = GeoService.builder()
                .vertx(vertx)
                .city(city)
                .dataSource(store.dataSource())
                .port(0)
                .maxLiveClients(2)
                .build();
        port = service.start();
        listen();
        listen();

        String[] third = client.request(HttpMethod.GET, port, "localhost", "/api/v1/live")
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> new String[] {
                    Integer.toString(response.statusCode()), response.getHeader("Retry-After"), body.toString()
                }))
                .await();

        assertThat(third[0]).isEqualTo("503");
        assertThat(third[1]).isEqualTo("30");
        assertThat(third[2]).contains("as many clients as it serves");
    }

    private StringBuffer listen() {
        StringBuffer received = new StringBuffer();
        HttpClientResponse response = client.request(HttpMethod.GET, port, "localhost", "/api/v1/live")
                .compose(request ->
                        request.send().onSuccess(r -> r.handler(buffer -> received.append(buffer.toString()))))
                .await();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).startsWith("text/event-stream");
        await().atMost(Duration.ofSeconds(5)).until(() -> received.toString().contains(": connected"));
        return received;
    }
}
