package city.mycity.geo.fuzz;

import city.mycity.citymodel.City;
import city.mycity.geo.GeoService;
import city.mycity.geo.TestCity;
import city.mycity.geo.TestStore;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The real geo-service over the test town, on a real migrated database with some occupancy, sensor states, readings
 * and alerts in it, asked over real HTTP (one keep-alive connection) with request targets sent exactly as written.
 */
final class TownService implements AutoCloseable {

    /** How long an answer may take before the request counts as a hang. */
    static final long TIMEOUT_SECONDS = 10;

    /** What a request got. */
    record Reply(int status, String contentType, String body) {}

    private final TestStore store;
    private final Vertx vertx;
    private final GeoService service;
    private final HttpClient client;
    private final Context context;
    private final int port;

    private TownService(City city, TestStore store) {
        this.store = store;
        this.vertx = Vertx.vertx();
        this.service = GeoService.builder()
                .vertx(vertx)
                .city(city)
                .dataSource(store.dataSource())
                .port(0)
                .maxSensors(10)
                // The fuzzer asks as fast as the service answers, from one address: no 429 for it.
                .rateLimit(1_000_000)
                .build();
        this.port = service.start();
        this.client = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(1));
        this.context = vertx.getOrCreateContext();
    }

    /**
     * Starts the service over a fresh database holding the test town and a little of what the API reads: occupancy,
     * sensor states, readings rolled up, alerts. No bin is due: a round of even one bin is searched for as long as the
     * request's {@code seconds} allow (10 by default), and the fuzzer asks for thousands.
     */
    static TownService start() throws SQLException {
        City city = TestCity.create("fuzz-" + UUID.randomUUID().toString().substring(0, 8));
        TestStore store = TestStore.withCity(city);
        store.carParkOccupancy("cp001", 1, 4);
        store.carParkOccupancy("cp003", 0, 2);
        store.zoneOccupancy("z-a1", 5, 14);
        store.occupancyMinute("cp001", "2026-11-30T07:59:00Z", 1, 4);
        store.occupancyMinute("cp001", "2026-11-30T08:00:00Z", 2, 4);
        store.sensorState("bay-00003", "occupied", 0, "/");
        store.sensorState("bin-00001", "fill", 40, "%");
        store.reading("bin-00001", "fill", 40, "%", "2026-11-30T06:10:00Z");
        store.reading("bin-00001", "fill", 65, "%", "2026-11-30T07:05:00Z");
        store.rollUp();
        store.alert("tc-0001", "congestion", "open", "2026-11-30T07:00:00Z");
        store.alert("bin-00001", "bin-full", "resolved", "2026-11-30T06:00:00Z");
        return new TownService(city, store);
    }

    /**
     * Sends {@code GET requestTarget} as it is (no encoding, no check) and waits for the whole answer.
     *
     * @throws TimeoutException when there is no whole answer within {@value #TIMEOUT_SECONDS} seconds
     * @throws ExecutionException when the connection was dropped or the request could not be sent
     */
    Reply get(String requestTarget) throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        // On the client's event loop: so the response's body is asked for before any of it arrives.
        context.runOnContext(v -> client.request(new RequestOptions()
                        .setMethod(HttpMethod.GET)
                        .setHost("127.0.0.1")
                        .setPort(port)
                        .setURI(requestTarget)
                        .setIdleTimeout(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS)))
                .compose(request -> request.send())
                .compose(response -> response.body()
                        .map(body -> new Reply(
                                response.statusCode(),
                                response.getHeader("Content-Type"),
                                body.toString(StandardCharsets.UTF_8))))
                .onSuccess(reply::complete)
                .onFailure(reply::completeExceptionally));
        return reply.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        client.close().await();
        service.close();
        vertx.close().await();
        store.close();
    }
}
