package city.mycity.geo.live;

import city.mycity.geo.alerts.AlertRoutes;
import city.mycity.geo.http.GeoJson;
import city.mycity.geo.http.Problems;
import city.mycity.geo.live.LiveEvent.AlertChanged;
import city.mycity.geo.live.LiveEvent.BayChanged;
import city.mycity.geo.live.LiveEvent.CarParkChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-Sent Events at {@code /api/v1/live}: one poller for all clients runs the {@link ChangeFeed} on a worker
 * thread every poll interval and writes each change to every connected client; idle connections get heartbeat
 * comments so that proxies keep them open.
 */
public final class LiveStream {

    private static final Logger LOGGER = LoggerFactory.getLogger(LiveStream.class);

    private final Vertx vertx;
    private final int maxClients;
    private final ChangeFeed feed;
    private final Duration pollInterval;
    private final Duration heartbeat;
    private final MeterRegistry meters;
    private final Set<HttpServerResponse> clients = ConcurrentHashMap.newKeySet();
    private long pollTimer = -1;
    private long heartbeatTimer = -1;
    private final AtomicBoolean polling = new AtomicBoolean();

    public LiveStream(
            Vertx vertx,
            ChangeFeed feed,
            Duration pollInterval,
            Duration heartbeat,
            int maxClients,
            MeterRegistry meters) {
        this.vertx = vertx;
        this.maxClients = maxClients;
        this.feed = feed;
        this.pollInterval = pollInterval;
        this.heartbeat = heartbeat;
        this.meters = meters;
        Gauge.builder("mycity.geo.live.clients", clients, Set::size)
                .description("Connected live-feed (SSE) clients")
                .register(meters);
    }

    public void mount(Router router) {
        router.get("/api/v1/live").handler(this::connect);
    }

    /**
     * Takes the feed's watermark, then polls every interval and sends heartbeats. The future completes once the
     * watermark is taken, so that every change stored after it reaches the clients.
     */
    public Future<Void> start() {
        return vertx.executeBlocking(feed::poll, false).otherwiseEmpty().map(first -> {
            pollTimer = vertx.setPeriodic(pollInterval.toMillis(), id -> poll());
            heartbeatTimer =
                    vertx.setPeriodic(heartbeat.toMillis(), id -> write(": heartbeat " + Instant.now() + "\n\n"));
            return null;
        });
    }

    /** Stops polling and ends every client's stream. */
    public void stop() {
        vertx.cancelTimer(pollTimer);
        vertx.cancelTimer(heartbeatTimer);
        clients.forEach(response -> {
            if (!response.ended()) {
                response.end();
            }
        });
        clients.clear();
    }

    private void connect(RoutingContext ctx) {
        if (clients.size() >= maxClients) {
            ctx.response().putHeader("Retry-After", "30");
            Problems.send(
                    ctx,
                    503,
                    "Service Unavailable",
                    "The live feed has as many clients as it serves; try again later.",
                    null);
            return;
        }
        HttpServerResponse response = ctx.response()
                .setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                // Each event goes out as it happens, never held back by compression.
                .putHeader("Content-Encoding", "identity")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        response.write("retry: 3000\n: connected\n\n");
        clients.add(response);
        response.closeHandler(v -> clients.remove(response));
        response.endHandler(v -> clients.remove(response));
    }

    private void poll() {
        if (!polling.compareAndSet(false, true)) {
            return;
        }
        vertx.executeBlocking(feed::poll, false)
                .onComplete(r -> polling.set(false))
                .onSuccess(this::broadcast)
                .onFailure(e -> {
                    Counter.builder("mycity.geo.live.poll.failures")
                            .description("Live-feed polls that failed")
                            .register(meters)
                            .increment();
                    LOGGER.warn("Live feed poll failed: {}", e.toString());
                });
    }

    private void broadcast(List<LiveEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (LiveEvent event : events) {
            text.append("event: ")
                    .append(event.type())
                    .append("\ndata: ")
                    .append(json(event).encode())
                    .append("\n\n");
            Counter.builder("mycity.geo.live.events")
                    .description("Live-feed events pushed, once per event")
                    .tag("type", event.type())
                    .register(meters)
                    .increment();
        }
        write(text.toString());
    }

    private void write(String text) {
        for (HttpServerResponse response : clients) {
            if (response.ended() || response.closed()) {
                clients.remove(response);
            } else if (!response.writeQueueFull()) {
                response.write(text);
            } else {
                LOGGER.debug("Live client too slow, dropping it");
                response.reset();
                clients.remove(response);
            }
        }
    }

    static JsonObject json(LiveEvent event) {
        if (event instanceof CarParkChanged c) {
            return new JsonObject()
                    .put("id", c.id())
                    .put("free", c.free())
                    .put("occupied", c.occupied())
                    .put("capacity", c.capacity())
                    .put("updated", GeoJson.time(c.updated()));
        }
        if (event instanceof AlertChanged a) {
            JsonObject alert = AlertRoutes.properties(a.alert());
            if (a.alert().location() != null) {
                alert.put("coordinates", GeoJson.position(a.alert().location()));
            }
            return alert;
        }
        BayChanged b = (BayChanged) event;
        return new JsonObject()
                .put("id", b.id())
                .put("occupied", b.occupied())
                .put("updated", GeoJson.time(b.updated()));
    }
}
